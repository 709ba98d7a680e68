"""Today's date for every check, so that tests never depend on the calendar."""

import calendar
import datetime
import os


def today() -> datetime.date:
    """Today, or SITE_TODAY (YYYY-MM-DD) when it is set (hooks/settings.py checks its form)."""
    fixed = os.environ.get("SITE_TODAY")
    return datetime.date.fromisoformat(fixed) if fixed else datetime.date.today()


def months_between(earlier: datetime.date, later: datetime.date) -> int:
    """Whole months from `earlier` to `later` (a month is complete on the same day of month)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day of month `months` later (or the month's last day, when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def site_today_problem() -> str:
    """What is wrong with SITE_TODAY, or "" when it is unset or a real date."""
    fixed = os.environ.get("SITE_TODAY")
    if not fixed:
        return ""
    try:
        datetime.date.fromisoformat(fixed)
        if len(fixed) == 10:
            return ""
    except ValueError:
        pass
    return (f"SITE_TODAY is '{fixed}', which is not a date. Write it as YYYY-MM-DD, like "
            "2026-03-15, or leave it unset to use today's date.")
