"""Each entry of metadata.yaml's basis_openers, cited_kinds and cited_title_words does its job in a
document of our own."""
from datetime import date

import pytest

from service.lexicons import load
from service.pipeline import analyze_text

HEAD = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÀO CAI | Độc lập - Tự do - Hạnh phúc
Số: 125/KH-UBND
KẾ HOẠCH
PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG NĂM 2027
{basis}
II. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch chủ trì, hoàn thành trước ngày 30/6/2027.
"""
LEX = load("metadata")


@pytest.mark.parametrize("opener", LEX["basis_openers"])
def test_a_date_in_a_basis_sentence_is_not_the_documents_date(opener):
    line = "Luật Du lịch, ngày 19 tháng 6 năm 2017 của Quốc hội; Ủy ban nhân dân tỉnh ban hành Kế hoạch:"
    assert analyze_text(HEAD.format(basis=f"{opener} {line}")).metadata.issued_on is None
    assert analyze_text(HEAD.format(basis=line)).metadata.issued_on == date(2017, 6, 19)   # the opener decides


@pytest.mark.parametrize("kind", LEX["cited_kinds"])
def test_a_cited_document_of_each_kind_is_read(kind):
    basis = f"Căn cứ {kind.capitalize()} số 18/KH-UBND ngày 05/02/2027 của Ủy ban nhân dân tỉnh Lào Cai;"
    cited = analyze_text(HEAD.format(basis=basis)).metadata.basis
    assert [(c.number, c.issued_on, c.issuer) for c in cited] == \
        [("18/KH-UBND", date(2027, 2, 5), "Ủy ban nhân dân tỉnh Lào Cai")]


@pytest.mark.parametrize("word", LEX["cited_title_words"])
def test_the_issuer_of_a_citation_stops_where_its_title_begins(word):
    basis = f"Căn cứ Nghị quyết số 07-NQ/TU ngày 12/3/2026 của Ban Chấp hành Đảng bộ tỉnh {word} phát triển du lịch;"
    cited = analyze_text(HEAD.format(basis=basis)).metadata.basis
    assert [c.issuer for c in cited] == ["Ban Chấp hành Đảng bộ tỉnh"]
