"""Learner and administrator forms for credit. Every bad value becomes a message on the form."""

from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from courses.choices import DeliveryMethod
from courses.models import CECategory

from . import codes, uploads
from .models import Licence, OutsideCredit


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class LicenceForm(forms.ModelForm):
    class Meta:
        model = Licence
        fields = ["requirement_profile", "licence_number", "cycle_start", "cycle_end"]
        widgets = {"cycle_start": DateInput(), "cycle_end": DateInput()}

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["requirement_profile"].empty_label = "Choose the board or certification"
        self.fields["requirement_profile"].help_text = "The renewal tracker counts your CE against this body's rules."

    def clean_licence_number(self) -> str:
        number = self.cleaned_data["licence_number"].strip()
        if not number:
            raise forms.ValidationError("Enter the number.")
        return number

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("cycle_start"), cleaned.get("cycle_end")
        if start and end and end <= start:
            self.add_error("cycle_end", "The cycle must end after it starts.")
        profile = cleaned.get("requirement_profile")
        if (
            profile
            and Licence.objects.filter(user=self.user, requirement_profile=profile)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("requirement_profile", "You already have a licence with this body. Edit that one instead.")
        return cleaned

    def save(self, commit: bool = True) -> Licence:
        self.instance.user = self.user
        return super().save(commit=commit)


class OutsideCreditForm(forms.ModelForm):
    categories = forms.ModelMultipleChoiceField(
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
            "certificate_file": forms.ClearableFileInput(
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
        upload.seek(0)
        data = upload.read(limit + 1)
        upload.seek(0)
        content_type = uploads.check(data)
        if content_type is None:
            raise forms.ValidationError(
                "This file isn't a PDF or an image we can read. Upload the certificate as a PDF, JPEG, PNG or WebP."
            )
        self._content_type = content_type
        # Store under the extension that matches the content, whatever the file was called.
        stem = (upload.name.rsplit(".", 1)[0] or "certificate")[:80]
        upload.name = f"{stem}.{uploads.EXTENSIONS[content_type]}"
        return upload

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
    course = forms.ModelChoiceField(queryset=None, empty_label="Choose a course")
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
