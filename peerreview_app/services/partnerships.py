"""Partnerships: create, change, list."""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID, uuid4

from peerreview_app.domain.errors import InvalidValueError
from peerreview_app.domain.partnership import Partnership, RecognitionStatus, Sector
from peerreview_app.services.workbench import Workbench


def create_partnership(
    workbench: Workbench,
    name: str,
    *,
    sectors: Iterable[Sector] = (),
    region: str = "",
    status: RecognitionStatus = RecognitionStatus.RECOGNISED,
) -> Partnership:
    if not name.strip():
        raise InvalidValueError("a partnership needs a name")
    partnership = Partnership(uuid4(), name.strip(), tuple(sectors), region.strip(), status)
    with workbench.uow() as uow:
        if uow.partnerships.find_by_name(partnership.name) is not None:
            raise InvalidValueError(f"a partnership named {partnership.name!r} already exists")
        uow.partnerships.add(partnership)
        uow.commit()
    return partnership


def update_partnership(
    workbench: Workbench,
    partnership_id: UUID,
    *,
    name: str | None = None,
    sectors: Iterable[Sector] | None = None,
    region: str | None = None,
    status: RecognitionStatus | None = None,
) -> Partnership:
    with workbench.uow() as uow:
        partnership = uow.partnerships.get(partnership_id)
        if name is not None:
            if not name.strip():
                raise InvalidValueError("a partnership needs a name")
            partnership.name = name.strip()
        if sectors is not None:
            partnership.sectors = tuple(sectors)
        if region is not None:
            partnership.region = region.strip()
        if status is not None:
            partnership.status = status
        uow.partnerships.save(partnership)
        uow.commit()
    return partnership


def list_partnerships(workbench: Workbench) -> list[Partnership]:
    with workbench.uow() as uow:
        return uow.partnerships.all()
