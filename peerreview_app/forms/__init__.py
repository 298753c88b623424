"""Review forms as data: YAML files validated against a JSON Schema and turned into domain objects."""

from .errors import FormError, FormProblem
from .loader import FormFile, load_form_data, load_form_file, load_form_text

__all__ = ["FormError", "FormFile", "FormProblem", "load_form_data", "load_form_file", "load_form_text"]
