"""Grassroots democracy in an agency (Luật 10/2022/QH15): what the head discloses and when, the staff
conference and the dialogues with their follow-up actions, and the people's inspection board."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from orgs.models import Organization, StaffMember
from orgs.scoping import Scope, ScopedQuerySet


class DisclosureSubject(models.TextChoices):
    """What the head must disclose inside the agency (Đ.46)."""

    POLICY = "policy", _("Policies and laws concerning the agency")
    WORK_PLAN = "work_plan", _("Annual, quarterly and monthly work plans")
    BUDGET = "budget", _("Budget estimates and execution")
    ASSETS = "assets", _("Public assets and their use")
    INVESTMENT = "investment", _("Public investment and procurement")
    PERSONNEL = "personnel", _("Recruitment, appointment, rotation, discipline, evaluation, pay, awards, retirement")
    ANTI_CORRUPTION = "anti_corruption", _("Anti-corruption conclusions and asset declarations")
    INSPECTION_RESULTS = "inspection_results", _("Results of inspections, complaints and denunciations")
    INTERNAL_RULES = "internal_rules", _("Internal rules and regulations")
    STAFF_OPINIONS = "staff_opinions", _("Staff opinions gathered and the answers given")
    DIRECTIVES = "directives", _("Directives of superior bodies")
    OTHER = "other", _("Other matters the law requires")


class DisclosureMethod(models.TextChoices):
    """How it was made public (Đ.47); posting and the intranet must last the required days."""

    NOTICE_BOARD = "notice_board", _("Posted on the notice board")
    INTRANET = "intranet", _("Published on the intranet")
    CONFERENCE = "conference", _("Announced at a conference or meeting")
    WRITTEN_NOTICE = "written_notice", _("Written notice to staff")


POSTED_METHODS = (DisclosureMethod.NOTICE_BOARD, DisclosureMethod.INTRANET)


# Posted after the due date; taken down before the required days; neither (what counts and aggregates filter on).
LATE = Q(posted_from__gt=models.F("due_date"))
SHORT = Q(posted_to__isnull=False, min_posted_to__isnull=False, posted_to__lt=models.F("min_posted_to"))
ON_TIME = ~LATE & ~SHORT


class DisclosureQuerySet(ScopedQuerySet):
    def with_flags(self):
        """`late`, `short` and `on_time` as columns (lists show and sort them)."""
        return self.annotate(
            late=ExpressionWrapper(LATE, output_field=models.BooleanField()),
            short=ExpressionWrapper(SHORT, output_field=models.BooleanField()),
            on_time=ExpressionWrapper(ON_TIME, output_field=models.BooleanField()),
        )


class Disclosure(models.Model):
    organization = models.ForeignKey(Organization, verbose_name=_("disclosing organization"),
                                     on_delete=models.PROTECT, related_name="disclosures")
    subject = models.CharField(_("subject"), max_length=30, choices=DisclosureSubject.choices, db_index=True)
    title = models.CharField(_("content disclosed"), max_length=500)
    decision = models.CharField(_("decision disclosed"), max_length=200, blank=True,
                                help_text=_("Number and symbol of the decision or document, e.g. 125/QĐ-SXD."))
    decision_date = models.DateField(_("date of the decision"))
    method = models.CharField(_("how it was disclosed"), max_length=20, choices=DisclosureMethod.choices)
    place = models.CharField(_("where"), max_length=200, blank=True)
    posted_from = models.DateField(_("disclosed from"), db_index=True)
    posted_to = models.DateField(_("disclosed until"), null=True, blank=True,
                                 help_text=_("Empty while it is still posted."))
    # Derived from the decision date and the method by services.save_disclosure (the rules in force), so
    # that lists filter the late and the short postings in the database.
    due_date = models.DateField(_("due by"), editable=False)
    min_posted_to = models.DateField(_("posted at least until"), null=True, blank=True, editable=False)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    history = HistoricalRecords()
    objects = DisclosureQuerySet.as_manager()

    class Meta:
        verbose_name = _("disclosure")
        verbose_name_plural = _("disclosures")
        ordering = ["-posted_from", "-id"]
        indexes = [models.Index(fields=["organization", "decision_date"], name="disclosure_org_date_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(posted_to__isnull=True) | Q(posted_to__gte=models.F("posted_from")),
                name="disclosure_posting_range",
                violation_error_message=_("A posting cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(posted_from__gte=models.F("decision_date")),
                name="disclosure_after_decision",
                violation_error_message=_("A decision cannot be disclosed before it is made."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse_pk("democracy:disclosure_detail", self.pk)

    @property
    def is_late(self) -> bool:
        return self.posted_from > self.due_date

    @property
    def is_short(self) -> bool:
        return bool(self.posted_to and self.min_posted_to and self.posted_to < self.min_posted_to)

    @property
    def days_posted(self) -> int | None:
        """Consecutive days posted, both ends counted; None while it is still up."""
        return (self.posted_to - self.posted_from).days + 1 if self.posted_to else None


class MeetingKind(models.TextChoices):
    STAFF_CONFERENCE = "staff_conference", _("Yearly staff conference")
    EXTRAORDINARY = "extraordinary", _("Extraordinary staff conference")
    DIALOGUE_CITIZENS = "dialogue_citizens", _("Dialogue with citizens")
    DIALOGUE_BUSINESSES = "dialogue_businesses", _("Dialogue with businesses")


CONFERENCE_KINDS = (MeetingKind.STAFF_CONFERENCE, MeetingKind.EXTRAORDINARY)
DIALOGUE_KINDS = (MeetingKind.DIALOGUE_CITIZENS, MeetingKind.DIALOGUE_BUSINESSES)


class AgendaItem(models.TextChoices):
    """What the staff conference deals with (Đ.49–53)."""

    HEAD_REPORT = "head_report", _("The head's report on last year's work and this year's plan")
    UNION_REVIEW = "union_review", _("The union's review of last year's resolution")
    DISCUSSION = "discussion", _("Staff discussion and the head's answers")
    BOARD_REPORT = "board_report", _("The people's inspection board's report")
    BOARD_ELECTION = "board_election", _("Election of the people's inspection board")
    CONTRIBUTIONS = "contributions", _("Staff contributions and internal rules")
    AWARDS = "awards", _("Awards and the launch of the emulation movement")
    EMULATION_PLEDGE = "emulation_pledge", _("Emulation pledge signed")
    RESOLUTION = "resolution", _("Adoption of the conference's resolution")


class MeetingQuerySet(ScopedQuerySet):
    pass  # a meeting sits where its organization is


class Meeting(models.Model):
    organization = models.ForeignKey(Organization, verbose_name=_("organization"), on_delete=models.PROTECT,
                                     related_name="democracy_meetings")
    kind = models.CharField(_("kind"), max_length=30, choices=MeetingKind.choices, db_index=True)
    work_year = models.PositiveSmallIntegerField(
        _("work year reviewed"), null=True, blank=True,
        help_text=_("For the yearly staff conference: the year whose work it reviews (held by the end of March "
                    "of the next year)."))
    date = models.DateField(_("date"), db_index=True)
    title = models.CharField(_("title"), max_length=300)
    place = models.CharField(_("venue"), max_length=200, blank=True)
    chair = models.CharField(_("chaired by"), max_length=200, blank=True)
    attendees = models.ManyToManyField(StaffMember, verbose_name=_("attendees"), blank=True,
                                       related_name="democracy_meetings")
    # The staff on the roster on the meeting's date, counted by services.save_meeting: the quorum's base.
    roster_size = models.PositiveIntegerField(_("staff on the roster"), default=0, editable=False)
    agenda = models.JSONField(_("agenda"), default=list, blank=True)
    participants = models.TextField(_("participants"), blank=True,
                                    help_text=_("For a dialogue: who took part (citizens, businesses, bodies)."))
    questions = models.TextField(_("questions and opinions raised"), blank=True)
    answers = models.TextField(_("answers given"), blank=True)
    resolution = models.TextField(_("resolution"), blank=True)
    votes_for = models.PositiveIntegerField(_("votes for the resolution"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("votes against"), null=True, blank=True)
    review_date = models.DateField(_("six-monthly review held on"), null=True, blank=True)
    review_notes = models.TextField(_("six-monthly review: results announced"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    history = HistoricalRecords(m2m_fields=[attendees])
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("conferences and dialogues")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organization", "kind", "date"], name="meeting_org_kind_date_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse_pk("democracy:meeting_detail", self.pk)

    @property
    def is_conference(self) -> bool:
        return self.kind in CONFERENCE_KINDS

    @property
    def agenda_labels(self) -> list[str]:
        labels = dict(AgendaItem.choices)
        return [str(labels.get(item, item)) for item in self.agenda]


class FollowUpQuerySet(ScopedQuerySet):
    # Read and changed by the meeting's organization and by the owner unit, who reports on it.
    scope = Scope(path=("meeting__organization__path", "owner_unit__path"))


class FollowUpAction(models.Model):
    """What a resolution or a dialogue commits someone to, by a date: joins the owner's inbox."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE,
                                related_name="actions")
    description = models.CharField(_("action"), max_length=500)
    owner_unit = models.ForeignKey(Organization, verbose_name=_("responsible unit"), on_delete=models.PROTECT,
                                   related_name="democracy_actions")
    owner = models.ForeignKey(StaffMember, verbose_name=_("responsible person"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="democracy_actions")
    due_date = models.DateField(_("due date"), db_index=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    result = models.TextField(_("result"), blank=True)

    history = HistoricalRecords()
    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.description

    def get_absolute_url(self) -> str:
        return reverse_pk("democracy:action_detail", self.pk)

    @property
    def is_overdue(self) -> bool:
        return self.done_on is None and self.due_date < timezone.localdate()


class InspectionBoardQuerySet(ScopedQuerySet):
    pass  # a board sits where the agency that elected it is


class InspectionBoard(models.Model):
    """Ban Thanh tra nhân dân: elected at the staff conference for a term."""

    organization = models.ForeignKey(Organization, verbose_name=_("agency"), on_delete=models.PROTECT,
                                     related_name="inspection_boards")
    elected_at = models.ForeignKey(Meeting, verbose_name=_("elected at"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="boards_elected")
    elected_on = models.DateField(_("elected on"))
    term_end = models.DateField(_("term ends"), editable=False)
    members = models.ManyToManyField(StaffMember, verbose_name=_("members"), related_name="inspection_boards")
    head = models.ForeignKey(StaffMember, verbose_name=_("head of the board"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords(m2m_fields=[members])
    objects = InspectionBoardQuerySet.as_manager()

    class Meta:
        verbose_name = _("people's inspection board")
        verbose_name_plural = _("people's inspection boards")
        ordering = ["-elected_on", "-id"]
        constraints = [models.CheckConstraint(condition=Q(term_end__gt=models.F("elected_on")),
                                              name="board_term_after_election")]

    def __str__(self) -> str:
        return gettext("People's inspection board of %(agency)s, %(start)s–%(end)s") % {
            "agency": self.organization.display_name, "start": self.elected_on.year, "end": self.term_end.year}

    def get_absolute_url(self) -> str:
        return reverse_pk("democracy:board_detail", self.pk)


class BoardActivityKind(models.TextChoices):
    PROGRAMME = "programme", _("Work programme")
    REPORT = "report", _("Report")
    INSPECTION = "inspection", _("Inspection by the board")


class BoardActivityQuerySet(ScopedQuerySet):
    scope = Scope(path="board__organization__path")


class BoardActivity(models.Model):
    """The board's programmes and reports (quarterly, six-monthly, annual; NĐ 59/2023) and the inspections
    it carries out, each with its recommendation and how the head followed it up."""

    board = models.ForeignKey(InspectionBoard, verbose_name=_("board"), on_delete=models.CASCADE,
                              related_name="activities")
    kind = models.CharField(_("kind"), max_length=20, choices=BoardActivityKind.choices)
    period = models.CharField(_("period"), max_length=10, blank=True,
                              help_text=_("For a programme or report: 2025-Q1, 2025-H1 or 2025."))
    date = models.DateField(_("date"))
    subject = models.CharField(_("subject"), max_length=500)
    findings = models.TextField(_("content and findings"), blank=True)
    recommendation = models.TextField(_("recommendation"), blank=True)
    addressed_to = models.ForeignKey(Organization, verbose_name=_("recommendation addressed to"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+")
    response_due = models.DateField(_("answer due by"), null=True, blank=True)
    response = models.TextField(_("follow-up of the recommendation"), blank=True)
    responded_on = models.DateField(_("answered on"), null=True, blank=True)

    history = HistoricalRecords()
    objects = BoardActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("board activity")
        verbose_name_plural = _("board activities")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse_pk("democracy:board_detail", self.board_id)
