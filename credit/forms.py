"""Learner and administrator forms for credit. Every bad value becomes a message on the form."""

from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone

from courses.choices import DeliveryMethod
from courses.models import CECategory
from pageparts.ids import BoundedModelChoiceField, BoundedModelMultipleChoiceField

from . import codes, uploads
from .models import Licence, OutsideCredit, RequirementProfile
from .rules import fixed_cycle_end


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def fixed_window_text(profile: RequirementProfile) -> str:
    """'November 1 to October 31, every 2 years' for a profile whose cycles start on a fixed day."""
    month, day = profile.fixed_cycle_start
    start = date(2001, month, day)
    end = fixed_cycle_end(start, months=profile.cycle_months)
    years, months = divmod(profile.cycle_months, 12)
    every = (
        ("every year" if years == 1 else f"every {years} years")
        if not months
        else f"every {profile.cycle_months} months"
    )
    return f"{start:%B} {start.day} to {end:%B} {end.day}, {every}"


class LicenceForm(forms.ModelForm):
    class Meta:
        model = Licence
        fields = ["requirement_profile", "licence_number", "cycle_start", "cycle_end"]
        field_classes = {"requirement_profile": BoundedModelChoiceField}
        widgets = {"cycle_start": DateInput(), "cycle_end": DateInput()}

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["requirement_profile"].empty_label = "Choose the board or certification"
        self.fields["requirement_profile"].help_text = "The renewal tracker counts your CE against this body's rules."
        # Boards whose cycles all start on the same day: the learner gives the start, the end follows.
        fixed = list(RequirementProfile.objects.filter(cycle_start_month__isnull=False, cycle_start_day__isnull=False))
        self.fields["cycle_end"].required = False
        if fixed:
            windows = "; ".join(f"{profile.name}: {fixed_window_text(profile)}" for profile in fixed)
            self.fields[
                "cycle_start"
            ].help_text = (
                f"Some boards' cycles always start on the same day ({windows}); give that day of the year yours began."
            )
            self.fields["cycle_end"].help_text += " Leave it blank for those boards: it is filled in for you."

    def clean_licence_number(self) -> str:
        number = self.cleaned_data["licence_number"].strip()
        if not number:
            raise forms.ValidationError("Enter the number.")
        return number

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("cycle_start"), cleaned.get("cycle_end")
        profile = cleaned.get("requirement_profile")
        if profile and profile.fixed_cycle_start:
            self._clean_fixed_cycle(profile, start, end)
        elif "cycle_end" not in self.errors and end is None:
            self.add_error("cycle_end", "Enter the date your current cycle ends.")
        elif start and end and end <= start:
            self.add_error("cycle_end", "The cycle must end after it starts.")
        if (
            profile
            and Licence.objects.filter(user=self.user, requirement_profile=profile)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("requirement_profile", "You already have a licence with this body. Edit that one instead.")
        return cleaned

    def _clean_fixed_cycle(self, profile: RequirementProfile, start: date | None, end: date | None) -> None:
        """The start must be the board's fixed day; the end is derived (and any other end refused)."""
        if start is None:
            return  # the start field already says what is missing
        month, day = profile.fixed_cycle_start
        if (start.month, start.day) != (month, day):
            self.add_error(
                "cycle_start",
                f"{profile.name} cycles run {fixed_window_text(profile)}. "
                f"Enter {date(2001, month, day):%B} {day} of the year your current cycle began.",
            )
            return
        expected = fixed_cycle_end(start, months=profile.cycle_months)
        if end is not None and end != expected:
            self.add_error(
                "cycle_end",
                f"A {profile.name} cycle that starts on {start:%B} {start.day}, {start.year} ends on "
                f"{expected:%B} {expected.day}, {expected.year}. Leave the end date blank to have it filled in.",
            )
            return
        self.cleaned_data["cycle_end"] = expected

    def save(self, commit: bool = True) -> Licence:
        self.instance.user = self.user
        return super().save(commit=commit)


class PrivateFileInput(forms.ClearableFileInput):
    """The certificate field of an outside-CE entry. The file is private (its storage has no public URL), so the
    current file links to the owner-checked download view instead, under the name that view gives it."""

    template_name = "credit/widgets/private_file_input.html"
    download_url = ""

    def is_initial(self, value) -> bool:
        # Django's widget asks the file for its URL to decide; a private file has a name but no URL.
        return bool(value and getattr(value, "name", None))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"]:
            extension = str(value.name).rsplit(".", 1)[-1] if "." in str(value.name) else ""
            context["widget"]["file_label"] = f"certificate.{extension}" if extension else "certificate"
            context["widget"]["download_url"] = self.download_url
        return context


class OutsideCreditForm(forms.ModelForm):
    categories = BoundedModelMultipleChoiceField(
        queryset=CECategory.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="CE categories",
        help_text="Tick every subject area the certificate lists; all the hours count in each one you tick.",
    )

    class Meta:
        model = OutsideCredit
        fields = [
            "title",
            "provider",
            "completed_on",
            "hours",
            "categories",
            "delivery_method",
            "certificate_number",
            "certificate_file",
        ]
        widgets = {
            "completed_on": DateInput(),
            "certificate_file": PrivateFileInput(
                attrs={"accept": ".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp"}
            ),
        }
        labels = {"delivery_method": "How you studied", "certificate_file": "Certificate (PDF or image)"}
        help_texts = {
            "hours": "As printed on the certificate, in whole or half hours.",
            "certificate_file": "A PDF, JPEG, PNG or WebP file. Boards may ask to see it in an audit.",
        }

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["delivery_method"].choices = list(DeliveryMethod.choices)
        limit = filesizeformat(settings.CREDIT_UPLOAD_MAX_BYTES)
        self.fields["certificate_file"].help_text += f" Up to {limit}."
        self._content_type = None
        if self.instance.pk:
            self.fields["certificate_file"].widget.download_url = reverse(
                "credit:outside_certificate", kwargs={"pk": self.instance.pk}
            )

    def clean_completed_on(self) -> date:
        completed = self.cleaned_data["completed_on"]
        if completed > timezone.localdate():
            raise forms.ValidationError("The completion date can't be in the future.")
        if completed < timezone.localdate() - timedelta(days=365 * 20):
            raise forms.ValidationError("That date is too far back to count towards a renewal.")
        return completed

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours is not None and (hours * 2) % 1:
            raise forms.ValidationError("Use whole or half hours, for example 3 or 3.5.")
        if hours is not None and hours > 100:
            raise forms.ValidationError("One course can't be worth more than 100 hours.")
        return hours

    def clean_certificate_file(self):
        upload = self.cleaned_data.get("certificate_file")
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged, cleared or absent
        limit = settings.CREDIT_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"This file is {filesizeformat(upload.size)}; certificates can be up to {filesizeformat(limit)}."
            )
        # Only now, with the size known to be within the limit, is the file read (it waits on disk when large).
        upload.seek(0)
        data = upload.read(limit + 1)
        upload.seek(0)
        try:
            certificate = uploads.accept(data)
        except uploads.Refused as refused:
            raise forms.ValidationError(str(refused)) from refused
        self._content_type = certificate.content_type
        # Stored as the checked (for pictures, redrawn) bytes under a name of our own; the storage path adds a uuid.
        return ContentFile(certificate.data, name=f"certificate.{certificate.extension}")

    def save(self, commit: bool = True) -> OutsideCredit:
        entry = super().save(commit=False)
        entry.user = self.user
        if self._content_type:
            entry.certificate_content_type = self._content_type
        elif not entry.certificate_file:
            entry.certificate_content_type = ""
        if commit:
            entry.save()
            self.save_m2m()
        return entry


class VerifyForm(forms.Form):
    code = forms.CharField(
        label="Verification code",
        max_length=64,
        help_text="Sixteen letters and digits, printed on the certificate, for example 7K3M-9QXD-2HPA-R4TW.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )

    def clean_code(self) -> str:
        code = codes.normalise(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                "That doesn't look like a verification code: it has sixteen letters and digits."
            )
        return code


class RosterForm(forms.Form):
    course = BoundedModelChoiceField(queryset=None, empty_label="Choose a course")
    start = forms.DateField(label="Completed from", widget=DateInput())
    end = forms.DateField(label="Completed until", widget=DateInput())

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses
        self.fields["course"].label_from_instance = lambda course: f"{course.course_number} · {course.title}"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise forms.ValidationError("The end date can't be before the start date.")
        return cleaned


class RevokeForm(forms.Form):
    reason = forms.CharField(
        max_length=300, widget=forms.Textarea(attrs={"rows": 3}), help_text="Kept with the certificate for audits."
    )


class ReissueForm(forms.Form):
    name = forms.CharField(
        label="Name on the new certificate",
        max_length=150,
        required=False,
        help_text="Leave blank to keep the name on the credit record.",
    )
    reason = forms.CharField(max_length=300, widget=forms.Textarea(attrs={"rows": 3}))
