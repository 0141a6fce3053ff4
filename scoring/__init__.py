"""The pure core of IP Ready: questionnaire model and loader, conditions, scoring, recommendations.

Nothing in here imports Streamlit, a database or a report format.
"""

from scoring.answers import Answers, AnswersError, Special
from scoring.engine import score
from scoring.loader import load_questionnaire, load_questionnaire_text, validate_questionnaire_text
from scoring.mapping import map_answers
from scoring.model import Questionnaire
from scoring.problems import Problem, QuestionnaireError
from scoring.result import Result

__all__ = [
    "Answers",
    "AnswersError",
    "Problem",
    "Questionnaire",
    "QuestionnaireError",
    "Result",
    "Special",
    "load_questionnaire",
    "load_questionnaire_text",
    "map_answers",
    "score",
    "validate_questionnaire_text",
]
