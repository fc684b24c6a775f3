"""The shipped DOF intermediate: it parses, is the right certificate, chains to a certifi root."""

from __future__ import annotations

import ssl
import warnings
from pathlib import Path

import certifi
import pytest

from pipeline.fetch import tls

x509 = pytest.importorskip("cryptography.x509")  # comes with pdfminer.six (pdfplumber)

PEM = tls.CERTS_DIR / "dof-gob-mx-intermediate.pem"
FINGERPRINT = "973a41276ffd01e027a2aad49e34c37846d3e976ff6a620b6712e33832041aa6"


def _intermediate() -> x509.Certificate:
    return x509.load_pem_x509_certificate(PEM.read_bytes())


def test_pem_parses_and_is_the_godaddy_g2_intermediate():
    der = ssl.PEM_cert_to_DER_cert(_pem_block())
    assert len(der) > 1000
    cert = _intermediate()
    cn = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value
    assert cn == "Go Daddy Secure Certificate Authority - G2"
    assert cert.fingerprint(cert.signature_hash_algorithm.__class__()).hex() == FINGERPRINT
    assert cert.not_valid_after_utc.year == 2031


def _pem_block() -> str:
    text = PEM.read_text()
    return text[text.index("-----BEGIN CERTIFICATE-----") :]


def test_intermediate_is_signed_by_a_root_certifi_trusts():
    inter = _intermediate()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # GoDaddy Root G2 has serial 0, which cryptography warns about
        roots = x509.load_pem_x509_certificates(Path(certifi.where()).read_bytes())
    (root,) = [root for root in roots if root.subject == inter.issuer]
    inter.verify_directly_issued_by(root)


def test_dof_hosts_get_the_extended_bundle_and_others_plain_verification():
    bundle = tls.verify_for("www.dof.gob.mx")
    assert isinstance(bundle, str)
    content = Path(bundle).read_bytes()
    assert content.startswith(Path(certifi.where()).read_bytes())
    assert _pem_block().encode() in content
    assert tls.verify_for("dof.gob.mx") == bundle
    assert tls.verify_for("www.diputados.gob.mx") is True
    assert tls.verify_for(None) is True
    ssl.create_default_context(cafile=bundle)  # a usable CA file


def test_certs_readme_explains_renewal():
    readme = (tls.CERTS_DIR / "README.md").read_text()
    assert "renew" in readme.lower() and "openssl" in readme
