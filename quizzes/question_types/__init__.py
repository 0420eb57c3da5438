"""One home per question type.

Each type is a :class:`~quizzes.question_types.base.QuestionType` in its own module that declares, in
one place, its key, label, icon and description; its admin panels and checks; the snapshot an attempt
stores and the answer-free part the learner sees; how its answer is read from a posted form and shown
in its templates; how review describes it; and which pure grader in :mod:`quizzes.scoring` grades it.
:mod:`quizzes.question_types.registry` lists the types; everything else asks the registry by key.
"""
