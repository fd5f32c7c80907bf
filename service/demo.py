"""Demo records: a year of dossier statistics per demo agency (some months late), an apology for most late
dossiers, the province's questionnaire, service points and a few hundred answers. Idempotent."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from orgs.models import Organization
from service.models import (
    Answer,
    DossierStat,
    Factor,
    Letter,
    LetterKind,
    Question,
    ServicePoint,
    Survey,
    SurveyResponse,
)

AGENCIES = ("TN.SXD", "TN.SVHTTDL", "HCM.SVHTT")
FIELDS = ("Hoạt động xây dựng", "Nhà ở")
QUESTIONS = {
    Factor.ACCESS: ["Nơi tiếp nhận hồ sơ dễ tìm, có đủ chỗ ngồi và trang thiết bị phục vụ.",
                    "Thông tin về thủ tục được niêm yết công khai, dễ hiểu."],
    Factor.PROCEDURE: ["Thành phần hồ sơ và phí, lệ phí đúng quy định được niêm yết.",
                       "Thời hạn giải quyết hồ sơ đúng quy định."],
    Factor.STAFF: ["Công chức tiếp nhận có thái độ lịch sự, tôn trọng.",
                   "Công chức hướng dẫn kê khai hồ sơ tận tình, dễ hiểu."],
    Factor.RESULT: ["Kết quả nhận được đúng quy định, đầy đủ, chính xác."],
    Factor.FEEDBACK: ["Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh.",
                      "Góp ý, phản ánh được tiếp nhận và trả lời kịp thời."],
}
COMMENTS = ["Cán bộ nhiệt tình.", "Chỗ ngồi chờ hơi chật.", "Nên gửi tin nhắn khi có kết quả.", ""]


def _stats(agency: Organization, year: int, rng: random.Random) -> list[DossierStat]:
    made = []
    last = 12 if year < timezone.localdate().year else timezone.localdate().month
    carried = 0
    for month in range(1, last + 1):
        for field in FIELDS:
            online, direct = rng.randint(20, 60), rng.randint(10, 40)
            received = online + direct + carried
            late = rng.randint(3, 8) if month in (3, 7, 11) else rng.randint(0, 1)
            pending_within = rng.randint(2, 8)
            pending_overdue = 1 if month in (3, 7, 11) else 0
            settled = received - pending_within - pending_overdue
            early = settled // 3
            made.append(DossierStat(organization=agency, month=dt.date(year, month, 1), procedure_field=field,
                                    received_online=online, received_direct=direct, carried_over=carried,
                                    settled_early=early, settled_on_time=settled - early - late, settled_late=late,
                                    pending_within=pending_within, pending_overdue=pending_overdue))
            carried = 0
    return made


def _letters(agency: Organization, stats: list[DossierStat], rng: random.Random) -> int:
    count = 0
    numbers: dict[int, int] = {}
    per_day: dict[dt.date, int] = {}
    for stat in stats:
        for index in range(stat.late):
            if rng.random() < 0.2:  # most late dossiers got their apology, not all
                continue
            day = stat.month + dt.timedelta(days=rng.randint(2, 20))
            # Numbered within the day: two fields' late dossiers may fall on the same day.
            per_day[day] = per_day.get(day, 0) + 1
            code = f"{agency.code.replace('.', '')}-{day:%y%m%d}-{per_day[day]:04d}"
            due = timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=3), dt.time(16)))
            numbers[day.year] = numbers.get(day.year, 0) + 1
            Letter.objects.create(
                organization=agency, kind=LetterKind.APOLOGY, year=day.year, number=numbers[day.year], date=day,
                dossier_code=code, applicant=f"Nguyễn Văn {chr(65 + index % 26)}", applicant_id="0720800012345",
                procedure=f"Cấp giấy phép ({stat.procedure_field})", received_on=day - dt.timedelta(days=10),
                due_at=due, reason="Hồ sơ cần lấy thêm ý kiến của cơ quan liên quan",
                new_due_date=day + dt.timedelta(days=10), signer_title="Giám đốc", signer_name="Trần Văn Minh")
            count += 1
    return count


def _survey(province: Organization, year: int) -> Survey:
    survey, created = Survey.objects.get_or_create(province=province, year=year, defaults={
        "title": f"Khảo sát mức độ hài lòng của người dân năm {year}",
        "introduction": "Ý kiến của ông/bà giúp cơ quan phục vụ tốt hơn. Phiếu không ghi tên."})
    if created:
        order = 1
        for factor, texts in QUESTIONS.items():
            for text in texts:
                Question.objects.create(survey=survey, factor=factor, order=order, text=text)
                order += 1
    return survey


def _responses(point: ServicePoint, survey: Survey, year: int, count: int, level: float,
               rng: random.Random) -> None:
    questions = list(survey.questions.all())
    today = timezone.localdate()
    end = today if year == today.year else dt.date(year, 12, 31)
    for _n in range(count):
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, (end - dt.date(year, 1, 1)).days))
        happy = rng.random() < level
        values = [rng.choice((4, 5, 5)) if happy else rng.choice((2, 3, 3, 4)) for _q in questions]
        response = SurveyResponse.objects.create(
            survey=survey, service_point=point, organization=point.organization, submitted_on=day,
            average=(Decimal(sum(values)) / len(values)).quantize(Decimal("0.01")), comment=rng.choice(COMMENTS))
        Answer.objects.bulk_create([Answer(response=response, question=q, factor=q.factor, value=v)
                                    for q, v in zip(questions, values, strict=True)])


@transaction.atomic
def load() -> str:
    rng = random.Random(16)
    year = timezone.localdate().year
    agencies = list(Organization.objects.filter(code__in=AGENCIES))
    if not agencies or DossierStat.objects.filter(organization__in=agencies, month__year=year).exists():
        return "already loaded"
    stats = letters = answers = 0
    for agency in agencies:
        made = DossierStat.objects.bulk_create(_stats(agency, year, rng))
        stats += len(made)
        letters += _letters(agency, made, rng)
        province = Organization.objects.get(pk=int(agency.path.strip("/").split("/")[0]))
        survey = _survey(province, year)
        for name, count in (("Bộ phận Một cửa", 80), ("Quầy số 2", 40)):
            point, _created = ServicePoint.objects.get_or_create(organization=agency, name=name)
            _responses(point, survey, year, count, 0.9 if agency.code != "TN.SVHTTDL" else 0.8, rng)
            answers += count
    return f"{stats} monthly dossier figures, {letters} apology letters, {answers} survey responses"
