"""The agency's scoring dossier and the chairman's decision announcing the grades, as .docx in the
layout of Nghị định 30/2020 (documents.docx)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from attachments.services import attachments_of
from documents.docx import Appendix, DocumentHeader, OfficialDocument, Signature
from progress.report_docx import plan_of
from registry.models import RegisteredDocument
from scoring import services
from scoring.models import Assessment, CriteriaSet, ItemKind


def _points(value) -> str:
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _signed(item, value) -> str:
    """A penalty's points as deducted ("−2"); none deducted reads "0"."""
    text = _points(value)
    return f"−{text}" if item.kind == ItemKind.PENALTY and text not in ("", "0") else text


def _place(province) -> str:
    """ "Tây Ninh" from "Ủy ban nhân dân tỉnh Tây Ninh"."""
    return province.name.removeprefix("Ủy ban nhân dân tỉnh ").removeprefix("UBND tỉnh ")


def _signature(organization, year: int, fallback: Signature) -> Signature:
    """Who signs for the organization: the signer of its issued plan of the year (or the year before), the
    person NĐ30 names under the signature; without a plan, the office alone for the head to sign and name."""
    for plan in (plan_of(organization, year), plan_of(organization, year - 1)):
        if plan is not None and (plan.signer_name or plan.signer_principal):
            return Signature(plan.signer_authority, plan.signer_principal, plan.signer_title, plan.signer_name)
    return fallback


def render_dossier_docx(assessment: Assessment) -> bytes:
    """BÁO CÁO tự đánh giá, chấm điểm: the criteria with self and final scores, explanations, answers and
    the evidence listed."""
    agency, criteria_set = assessment.agency, assessment.criteria_set
    header = DocumentHeader(
        parent_body=(agency.parent.short_name or agency.parent.name) if agency.parent else "",
        issuing_body=agency.name, number_symbol="      /BC-", place=_place(criteria_set.province),
        date=None, year=assessment.year, type_name="Báo cáo",
        title=f"Tự đánh giá, chấm điểm công tác dân vận chính quyền năm {assessment.year}",
        recipients=[criteria_set.province.name],
        signature=_signature(agency, assessment.year, Signature(principal="THỦ TRƯỞNG CƠ QUAN")))
    document = OfficialDocument(header)
    document.paragraph(f"Thực hiện {criteria_set.name}, {agency.name} tự đánh giá, chấm điểm như sau:")
    items = list(criteria_set.items.all())
    scores = {s.criterion_id: s for s in assessment.scores.prefetch_related("evidence")}
    leaf_self = {item.code: (scores[item.pk].self_points or 0) for item in items if item.pk in scores}
    leaf_final = {item.code: (scores[item.pk].final_points or 0) for item in items if item.pk in scores}
    parents = {item.code: next((p.code for p in items if p.pk == item.parent_id), None) for item in items}
    self_sums, final_sums = services.rules.tree_sums(parents, leaf_self), services.rules.tree_sums(parents, leaf_final)
    rows = []
    for item in items:
        score = scores.get(item.pk)
        notes = []
        if score:
            notes += [text for text in (score.explanation, score.review_reason and f"Thẩm định: {score.review_reason}",
                                        score.agency_answer and f"Giải trình: {score.agency_answer}") if text]
        rows.append([item.code, item.title, _points(item.max_points),
                     _signed(item, self_sums.get(item.code)), _signed(item, final_sums.get(item.code)),
                     "; ".join(notes)])
    final = services.scored_points(assessment)
    own = services.scored_points(assessment, final=False)
    rules_ = services.set_rules(criteria_set, items)
    rows.append(["", "TỔNG ĐIỂM", _points(criteria_set.max_total), _points(services.rules.total(rules_, own)),
                 _points(assessment.total if assessment.total is not None else services.rules.total(rules_, final)),
                 assessment.grade])
    document.heading("I. BẢNG ĐIỂM")
    document.table(["Mã", "Tiêu chí", "Điểm tối đa", "Tự chấm", "Điểm thẩm định", "Giải trình"], rows,
                   [1.8, 5.6, 1.6, 1.6, 1.8, 4.6], centred=(0, 2, 3, 4))
    document.heading("II. TÀI LIỆU KIỂM CHỨNG")
    # A record of the app is named by its title; only an address outside the app is worth printing.
    evidence = [f"{item.code}: {e.title}" + (f" ({e.url})" if e.url.startswith(("http://", "https://")) else "")
                for item in items if item.pk in scores for e in scores[item.pk].evidence.all()]
    evidence += [f"Tệp đính kèm: {attachment.original_name}" for attachment in attachments_of(assessment)]
    for index, line in enumerate(evidence, 1):
        document.paragraph(f"{index}. {line}")
    if not evidence:
        document.paragraph("Không có.")
    return document.finish()


def decision_number(criteria_set: CriteriaSet) -> RegisteredDocument | None:
    return RegisteredDocument.objects.filter(content_type=ContentType.objects.get_for_model(CriteriaSet),
                                             object_id=criteria_set.pk).first()


def render_decision_docx(criteria_set: CriteriaSet, rows: list[services.RankRow]) -> bytes:
    """QUYẾT ĐỊNH of the chairman announcing the grades, numbered in the province's register when published."""
    registered = decision_number(criteria_set)
    province = criteria_set.province
    number = f"{registered.number}/{registered.symbol}" if registered else f"      /{services.DECISION_SYMBOL}"
    header = DocumentHeader(
        parent_body="", issuing_body=province.name, number_symbol=number,
        place=_place(province), date=registered.date if registered else None, year=criteria_set.year,
        type_name="Quyết định", title=services.decision_title(criteria_set),
        recipients=["Như Điều 3", "Ban Dân vận Tỉnh ủy"],
        signature=_signature(province, criteria_set.year,
                             Signature(authority="KT.", principal="CHỦ TỊCH", title="PHÓ CHỦ TỊCH")))
    document = OfficialDocument(header)
    document.paragraph(f"CHỦ TỊCH ỦY BAN NHÂN DÂN {_place(province).upper()}", bold=True, indent=False)
    document.paragraph(f"Căn cứ {criteria_set.name};")
    document.paragraph("Theo đề nghị của Giám đốc Sở Nội vụ.")
    document.paragraph("QUYẾT ĐỊNH:", bold=True, indent=False)
    document.paragraph(f"Điều 1. Công bố kết quả đánh giá, xếp loại công tác dân vận chính quyền năm "
                       f"{criteria_set.year} của {len(rows)} cơ quan, đơn vị (chi tiết tại Phụ lục kèm theo).")
    document.paragraph("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.")
    document.paragraph("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, thủ trưởng các cơ "
                       "quan, đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")
    date = f" ngày {registered.date:%d/%m/%Y}" if registered else ""
    document.appendices.append(Appendix(
        title=f"Kết quả xếp loại công tác dân vận chính quyền năm {criteria_set.year}",
        reference=f"(Kèm theo Quyết định số {number}{date} của {province.name})",
        headers=["Hạng", "Cơ quan, đơn vị", "Tổng điểm", "Xếp loại"],
        rows=[[str(row.rank or ""), row.agency.name, _points(row.total),
               row.grade or "Không đủ điều kiện xét"] for row in rows],
        widths_cm=[1.6, 8.4, 2.4, 3.6]))
    document.properties(author=province.name, title=services.decision_title(criteria_set),
                        subject="Quyết định", created=timezone.localtime().replace(tzinfo=None))
    return document.finish()
