"""The roles of the system, as Wagtail groups. Names are data the migration creates."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

ADMINISTRATOR = "Administrator"
SECRETARIAT = "Sekretariat (Bagian Pemerintahan)"
LEGAL = "Bagian Hukum"
TKKSD = "TKKSD"
LEADERSHIP = "Pimpinan (Sekda/Wali Kota)"
AGENCY_STAFF = "Staf OPD"
EDITOR = "Editor/PPID"

ALL_ROLES = [ADMINISTRATOR, SECRETARIAT, LEGAL, TKKSD, LEADERSHIP, AGENCY_STAFF, EDITOR]

# Roles whose work spans every agency; everyone else is held to their own agency's records.
REGION_WIDE_ROLES = {ADMINISTRATOR, SECRETARIAT, LEGAL, TKKSD, LEADERSHIP, EDITOR}
# Roles that keep the register itself and decide what is public: they change any record.
REGISTER_KEEPERS = {ADMINISTRATOR, SECRETARIAT, EDITOR}

User = AbstractBaseUser | AnonymousUser


def role_names(user: User) -> set[str]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_cooperation_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._cooperation_roles = cached
    return cached


def is_region_wide(user: User) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or role_names(user) & REGION_WIDE_ROLES))


def keeps_register(user: User) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or role_names(user) & REGISTER_KEEPERS))


def works_with_register(user: User) -> bool:
    """Anyone with a role over agreements: region-wide roles, and agency staff for their own agency."""
    return is_region_wide(user) or AGENCY_STAFF in role_names(user)
