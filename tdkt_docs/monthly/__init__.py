"""The monthly exemplar report: units registry, intake form, compilation, reminders.

Units send 1–2 advanced exemplars (điển hình tiên tiến, người tốt việc tốt) each month on
the workbook made by :func:`form`; :func:`compile` reads every submission, builds the
report to the Ban Thi đua - Khen thưởng Trung ương with its appendix, and lists the
units that did not report.
"""
