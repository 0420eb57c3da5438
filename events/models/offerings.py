"""What makes an event a valid scheduled offering of a live catalogue course (see EventPage.offering_of)."""

from django.core.exceptions import ValidationError

from courses.choices import DeliveryMethod


def check_offering(*, event, course) -> None:
    """An offering delivers a live course as approved: the same way of delivery and the same hours."""
    if course.delivery_method == DeliveryMethod.ON_DEMAND:
        raise ValidationError(
            {"offering_of": f"“{course.title}” is an On Demand course; only live courses have scheduled offerings."}
        )
    if course.delivery_method != event.delivery_method:
        raise ValidationError(
            {
                "offering_of": f"“{course.title}” is {course.get_delivery_method_display()}: set this event's "
                "delivery to match, or choose another course."
            }
        )
    if event.ce_hours is not None and event.ce_hours != course.ce_hours:
        raise ValidationError(
            {"ce_hours": f"An offering carries the course's approved hours: {course.ce_hours.normalize():f}."}
        )
