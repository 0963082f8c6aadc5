import {
  createHash,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  sign,
  type JsonWebKey,
} from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  Certificate,
  Name,
  RelativeDistinguishedName,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';
import type { JWK } from 'jose';

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';
// Long enough that a kept key's certificate never expires while a simulator keeps it.
const VALIDITY_MS = 10 * 366 * 24 * 3_600_000;

function name(commonName: string): Name {
  const attribute = (type: string, value: string) =>
    new RelativeDistinguishedName([
      new AttributeTypeAndValue({ type, value: new AttributeValue({ utf8String: value }) }),
    ]);
  return new Name([
    attribute(ORGANIZATION, 'Kassa Bancontact simulator'),
    attribute(COMMON_NAME, commonName),
  ]);
}

/**
 * A self-signed X.509 certificate for a signing key, base64 DER as `x5c[0]` wants it. Integrations that
 * follow Bancontact's older guide read the public key from this certificate rather than from x/y.
 * Built synchronously (node:crypto signs the DER), so a key and its certificate are made together.
 */
export function selfSignedCertificate(privateJwk: JWK, commonName: string, notBefore: number): string {
  const privateKey = createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const algorithm = new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 });
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f; // a positive INTEGER
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: Uint8Array.from(serial).buffer,
    signature: algorithm,
    issuer: name(commonName),
    subject: name(commonName),
    validity: new Validity({ notBefore: new Date(notBefore), notAfter: new Date(notBefore + VALIDITY_MS) }),
    subjectPublicKeyInfo: AsnConvert.parse(spki, SubjectPublicKeyInfo),
  });
  const tbsDer = Buffer.from(AsnConvert.serialize(tbs));
  // X.509 carries ECDSA signatures DER-encoded, which is node's default output.
  const signature = sign('sha256', tbsDer, privateKey);
  const certificate = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: algorithm,
    signatureValue: Uint8Array.from(signature).buffer,
  });
  return Buffer.from(AsnConvert.serialize(certificate)).toString('base64');
}

/** `x5t#S256`: base64url of the SHA-256 of the DER certificate (RFC 7517 §4.9). */
export function x5tS256(certificateBase64: string): string {
  return createHash('sha256').update(Buffer.from(certificateBase64, 'base64')).digest('base64url');
}
