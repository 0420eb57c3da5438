"""CE credit: enrolment, progress, credit records, certificates and renewal tracking."""
