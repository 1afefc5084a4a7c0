"""underthesea is imported and warmed once, whatever the threads asking for it (OCR repairs a scan's pages in
threads; the API analyses in threads)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# A fresh interpreter whose import of one of underthesea's own modules takes a moment: the window in which
# the package stands half-imported in sys.modules is wide, so a thread that took it from there fails.
PROBE = """
import importlib.abc, sys, threading, time

class Slow(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "underthesea.pipeline.word_tokenize":
            time.sleep(0.5)
        return None

sys.meta_path.insert(0, Slow())
from service.text import underthesea
from service.ingest.ocr.repair import repair_line

errors = []
def ask():
    try:
        underthesea().sent_tokenize("Sở Tài chính thẩm định dự toán. Báo cáo trước ngày 30/6.")
        repair_line("Sở Tài chính thẩm định dự toán chi tiết")
    except Exception as error:
        errors.append(repr(error))

first = threading.Thread(target=ask)
first.start()
time.sleep(0.2)
others = [threading.Thread(target=ask) for _ in range(4)]
[t.start() for t in others]
[t.join() for t in [first] + others]
print(errors)
sys.exit(1 if errors else 0)
"""


def test_threads_asking_for_underthesea_while_it_is_imported_all_get_the_whole_package():
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
