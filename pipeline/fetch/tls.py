"""TLS trust: certifi's roots, plus shipped intermediates for hosts that serve incomplete chains.

Verification is never disabled. www.dof.gob.mx sends its leaf certificate without the GoDaddy
intermediate that signs it, so clients that do not fetch missing issuers (OpenSSL, hence
requests) fail with "unable to get local issuer certificate". For such hosts we verify against a
bundle = certifi's roots + the intermediate shipped in ``pipeline/certs/``: the chain still has
to end at a root certifi trusts. See ``pipeline/certs/README.md`` for renewal.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import certifi

CERTS_DIR = Path(__file__).resolve().parent.parent / "certs"

#: Host → shipped PEM file(s) completing the chain that host serves.
EXTRA_CHAINS: dict[str, tuple[str, ...]] = {
    "dof.gob.mx": ("dof-gob-mx-intermediate.pem",),
    "www.dof.gob.mx": ("dof-gob-mx-intermediate.pem",),
    "diariooficial.gob.mx": ("dof-gob-mx-intermediate.pem",),
    "www.diariooficial.gob.mx": ("dof-gob-mx-intermediate.pem",),
}

_bundles: dict[tuple[str, ...], str] = {}


def verify_for(host: str | None) -> str | bool:
    """The ``verify=`` argument for requests: a bundle path for listed hosts, else ``True``.

    Never returns ``False``.
    """
    pems = EXTRA_CHAINS.get((host or "").lower())
    if not pems:
        return True
    return bundle_path(pems)


def bundle_path(pem_names: tuple[str, ...]) -> str:
    """A CA file = certifi's bundle + the named PEMs, built once per process in a private temp dir."""
    if pem_names not in _bundles:
        content = Path(certifi.where()).read_bytes()
        for name in pem_names:
            content += b"\n" + (CERTS_DIR / name).read_bytes()
        # mkdtemp makes a 0700 directory: nobody else can swap the trust file under us.
        target = Path(tempfile.mkdtemp(prefix="proteja-ca-")) / "ca-bundle.pem"
        target.write_bytes(content)
        atexit.register(shutil.rmtree, target.parent, True)
        _bundles[pem_names] = str(target)
    return _bundles[pem_names]
