"""Synthetic learners at scale: enough enrolments, progress, quiz attempts and credit to see how the reports
behave with a year of a busy provider's activity (``manage.py make_scale_data``, ``manage.py bench_reports``
and the demo's synthetic learners).

- :mod:`reports.scale.simulate`: pure rules for how a learner of some ability answers a question;
- :mod:`reports.scale.plan`: what each quiz asks (its questions' snapshot items, built once);
- :mod:`reports.scale.people`: the learners' names and accounts, and removing them with all they did;
- :mod:`reports.scale.build`: simulates each learner's year and writes the rows in bulk
  (:mod:`reports.scale.writer`: ``COPY`` on PostgreSQL); :mod:`reports.scale.digest` checks determinism;
- :mod:`reports.scale.bench`: the benchmark quiz and the timing table of ``bench_reports``.
"""
