"""The time limits of the laws in force (RULES.md): one row per law, kind, step, variant and effective date.
A change in the law is a new row with its effective date (a later migration or the admin), not new code."""

from django.db import migrations

COMPLAINTS = ("Luật Khiếu nại 02/2011/QH13", "2012-07-01")
DENUNCIATIONS = ("Luật Tố cáo 25/2018/QH14", "2019-01-01")
HANDLING = ("Thông tư 05/2021/TT-TTCP", "2021-11-16")
RECEPTION = ("Luật Tiếp công dân 42/2013/QH13", "2014-07-01")

# (law, kind, step, area, complexity, days, working, max_times, article)
RULES = [
    (COMPLAINTS, "complaint", "accept", "any", "normal", 10, False, 0, "Đ.27, Đ.36"),
    (COMPLAINTS, "complaint", "settle", "normal", "normal", 30, False, 0, "Đ.28"),
    (COMPLAINTS, "complaint", "settle", "normal", "complex", 45, False, 0, "Đ.28"),
    (COMPLAINTS, "complaint", "settle", "remote", "normal", 45, False, 0, "Đ.28"),
    (COMPLAINTS, "complaint", "settle", "remote", "complex", 60, False, 0, "Đ.28"),
    (COMPLAINTS, "complaint", "second_complaint", "normal", "normal", 30, False, 0, "Đ.33"),
    (COMPLAINTS, "complaint", "second_complaint", "remote", "normal", 45, False, 0, "Đ.33"),
    (COMPLAINTS, "complaint", "settle_second", "normal", "normal", 45, False, 0, "Đ.37"),
    (COMPLAINTS, "complaint", "settle_second", "normal", "complex", 60, False, 0, "Đ.37"),
    (COMPLAINTS, "complaint", "settle_second", "remote", "normal", 60, False, 0, "Đ.37"),
    (COMPLAINTS, "complaint", "settle_second", "remote", "complex", 70, False, 0, "Đ.37"),
    (HANDLING, "complaint", "transfer", "any", "normal", 10, True, 0, ""),
    (DENUNCIATIONS, "denunciation", "accept", "any", "normal", 7, True, 0, "Đ.24"),
    (DENUNCIATIONS, "denunciation", "accept", "any", "complex", 10, True, 0, "Đ.24"),
    (DENUNCIATIONS, "denunciation", "transfer", "any", "normal", 5, True, 0, "Đ.24"),
    (DENUNCIATIONS, "denunciation", "settle", "any", "normal", 30, False, 0, "Đ.30"),
    (DENUNCIATIONS, "denunciation", "extension", "any", "complex", 30, False, 1, "Đ.30"),
    (DENUNCIATIONS, "denunciation", "extension", "any", "very_complex", 30, False, 2, "Đ.30"),
    (HANDLING, "recommendation", "accept", "any", "normal", 10, True, 0, ""),
    (HANDLING, "recommendation", "transfer", "any", "normal", 10, True, 0, ""),
    (RECEPTION, "recommendation", "settle", "any", "normal", 15, False, 0, ""),
    (HANDLING, "feedback", "accept", "any", "normal", 10, True, 0, ""),
    (HANDLING, "feedback", "transfer", "any", "normal", 10, True, 0, ""),
    (RECEPTION, "feedback", "settle", "any", "normal", 15, False, 0, ""),
]


def add_rules(apps, schema_editor):
    DeadlineRule = apps.get_model("citizens", "DeadlineRule")
    for (law, effective), kind, step, area, complexity, days, working, max_times, article in RULES:
        DeadlineRule.objects.get_or_create(
            kind=kind, step=step, area=area, complexity=complexity, effective_from=effective,
            defaults={"law": law, "article": article, "days": days, "working_days": working, "max_times": max_times})


class Migration(migrations.Migration):
    dependencies = [("citizens", "0001_initial")]
    operations = [migrations.RunPython(add_rules, migrations.RunPython.noop)]
