"""Two reviewers acting on the same stage at the same moment: exactly one action takes effect."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from cooperation.models import ProposalStatus
from cooperation.selectors.proposals import current_stage
from cooperation.services import proposals as proposal_services

from ..factories import make_user


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reviewers_acting_at_once_leave_exactly_one_decision(make_proposal, users):
    from cooperation import roles

    proposal = make_proposal()
    proposal_services.submit_proposal(proposal=proposal, by=users["health_staff"])
    stage = current_stage(proposal=proposal)
    second_secretary = make_user("sekretariat-2", role=roles.SECRETARIAT)
    actors = [(users["secretariat"], "approve", ""), (second_secretary, "decline", "Tidak relevan.")]
    outcomes: list[str] = []

    def act(user, action, comment, barrier):
        try:
            barrier.wait(timeout=10)
            proposal_services.act_on_stage(task_state=stage, user=user, action=action, comment=comment)
            outcomes.append(action)
        except ValidationError as error:
            outcomes.append("refused: " + " ".join(error.messages))
        finally:
            connections.close_all()

    if connection.vendor == "postgresql":
        barrier = threading.Barrier(len(actors))
        threads = [threading.Thread(target=act, args=(*actor, barrier)) for actor in actors]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    else:
        # SQLite serialises writers anyway; the same two actions one after the other.
        for actor in actors:
            act(*actor, threading.Barrier(1))

    refused = [outcome for outcome in outcomes if outcome.startswith("refused")]
    taken = [outcome for outcome in outcomes if not outcome.startswith("refused")]
    assert len(taken) == 1, outcomes
    assert len(refused) == 1, outcomes
    assert "sudah ditindaklanjuti oleh" in refused[0]
    proposal.refresh_from_db()
    expected = ProposalStatus.VERIFIED if taken == ["approve"] else ProposalStatus.REJECTED
    assert proposal.status == expected
