"""The monthly exemplar report: units registry, intake form, compilation, reminders.

Units send 1–2 advanced exemplars (điển hình tiên tiến, người tốt việc tốt) each month on
the workbook made by :func:`form`; :func:`compile` reads every submission, builds the
report to the Ban Thi đua - Khen thưởng Trung ương with its appendix, and lists the
units that did not report.
"""

from tdkt_docs.monthly.compile import CompileResult, Figures, Intake, figures, read_submissions
from tdkt_docs.monthly.compile import compile_month as compile  # the step: monthly.compile
from tdkt_docs.monthly.form import write_form as form
from tdkt_docs.monthly.schema import COLUMNS, Exemplar, Period, Unit
from tdkt_docs.monthly.settings import ReportSettings, load_report_settings
from tdkt_docs.monthly.units import load_units

__all__ = [
    "COLUMNS",
    "CompileResult",
    "Exemplar",
    "Figures",
    "Intake",
    "Period",
    "ReportSettings",
    "Unit",
    "compile",
    "figures",
    "form",
    "load_report_settings",
    "load_units",
    "read_submissions",
]
