"""The baseline of bench/throughput.py: 25 staff rows through one template, nothing else."""

from django.shortcuts import render

from orgs.models import StaffMember


def bare(request):
    staff = StaffMember.objects.select_related("organization").order_by("id")[:25]
    return render(request, "bench/bare.html", {"staff": staff})
