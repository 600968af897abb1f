"""jiebei-tui: a calm terminal workbook for an overdue 借呗 (Jiebei) loan."""

__version__ = "0.1.0"
