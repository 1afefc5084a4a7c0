"""OCR of scanned pages (Tesseract) and repair of what OCR gets wrong in Vietnamese text.

Nothing here imports an OCR dependency at import time; `tesseract` is looked up when it is needed.
"""
