"""The scorer's pairing of gold tasks with predicted items (evaluation/score.py)."""
from types import SimpleNamespace

from evaluation.score import match_tasks, similarity


def _pred(*texts):
    return [SimpleNamespace(text=t) for t in texts]


def test_a_quote_carried_whole_keeps_its_item():
    # the first gold quote shares most of its words with the second item but is carried by none; it must not
    # take that item from the second quote, which the item carries whole
    gold = [{"quote": "Nâng cấp các trường trung cấp công đoàn vào hệ thống giáo dục quốc dân."},
            {"quote": "Các trường trung cấp công đoàn hoạt động đúng quy chế của hệ thống giáo dục quốc dân."}]
    pred = _pred("Bồi dưỡng cán bộ công đoàn hằng năm.",
                 "Các trường trung cấp công đoàn hoạt động đúng quy chế của hệ thống giáo dục quốc dân.")
    assert similarity(gold[0]["quote"], pred[1].text) > 0.5
    pairs = match_tasks(gold, pred)
    assert pairs[1] == (gold[1], pred[1])
    assert pairs[0] == (gold[0], None)
    assert (None, pred[0]) in pairs


def test_each_side_is_used_once_and_unmatched_predictions_follow():
    gold = [{"quote": "Sở Tài chính thẩm định dự toán."}, {"quote": "Sở Tài chính thẩm định dự toán."}]
    pred = _pred("Sở Tài chính thẩm định dự toán.", "Sở Xây dựng cấp phép.")
    pairs = match_tasks(gold, pred)
    assert pairs[:2] == [(gold[0], pred[0]), (gold[1], None)]
    assert pairs[2:] == [(None, pred[1])]
