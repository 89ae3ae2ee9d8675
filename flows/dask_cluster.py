"""``--dask-address``: check the Dask scheduler answers before any work starts.

An unreachable scheduler used to surface only when the first batch was
submitted (a traceback after Prefect's start-up), or never: a one-batch
corpus ran inline and exited 0 without touching the cluster.
"""

from __future__ import annotations

import asyncio

from pipeline.errors import UserError

CONNECT_TIMEOUT_S = 5.0


async def _handshake(address: str, timeout_s: float) -> None:
    # Deferred: importing distributed costs about a second, paid only with --dask-address.
    from distributed.comm import connect

    comm = await connect(address, timeout=timeout_s)  # a Dask comm handshake, not only a TCP connect
    await comm.close()


def check_scheduler(address: str, timeout_s: float = CONNECT_TIMEOUT_S) -> None:
    """Return when a Dask scheduler answers at ``address``; UserError (one line) otherwise."""
    try:
        asyncio.run(_handshake(address, timeout_s))
    except ValueError as exc:  # not an address: "missing port number", "unknown address scheme"
        raise UserError(f"invalid --dask-address {address!r} ({exc}); expected tcp://HOST:PORT") from exc
    except OSError as exc:  # refused, unresolvable, timed out
        raise UserError(
            f"cannot reach the Dask scheduler at {address} ({exc}); start the scheduler, "
            "or fix --dask-address / POLEX_DASK_ADDRESS"
        ) from exc
