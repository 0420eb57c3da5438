"""The question bank and quizzes (built in the quiz-engine issue)."""
