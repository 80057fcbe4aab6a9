from .agreements import AgreementViewSet, ReferenceDataGroup

__all__ = ["AgreementViewSet", "ReferenceDataGroup"]
