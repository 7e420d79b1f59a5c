// An independent check of a ServiceProof credential: Digital Bazaar's VC library with their
// Data Integrity and eddsa-jcs-2022 implementations, and jsonld.js expanding it in safe mode with
// the real W3C VC 2.0 and UNTP contexts (local copies: nothing is fetched).
// Usage: UNTP_CONTEXT_DIR=<dir with untp-dcc-<v>-context.jsonld> node verify.mjs <credential> <did-document> [<status-list>...]
// With status lists (each itself a signed credential) each of the credential's status entries
// (revocation; suspension too for a body's credential) is checked against the list it names, which
// must state the same purpose. Prints VALID and exits 0, or prints what failed and exits 1.
import * as vc from '@digitalbazaar/vc';
import jsonld from 'jsonld';
import {gunzipSync} from 'node:zlib';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {contexts as credentialContexts} from '@digitalbazaar/credentials-context';
import {readFileSync} from 'node:fs';

const [credentialFile, didFile, ...statusListFiles] = process.argv.slice(2);
const credential = JSON.parse(readFileSync(credentialFile, 'utf8'));
const didDocument = didFile ? JSON.parse(readFileSync(didFile, 'utf8')) : null;
const statusLists = statusListFiles.map(file => JSON.parse(readFileSync(file, 'utf8')));

// Nothing is fetched. Contexts and DID documents come from what is bundled or given.
const documentLoader = async url => {
  if(credentialContexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: credentialContexts.get(url)};
  }
  if(url.endsWith('/contexts/serviceproof-v1.jsonld')) {
    // Our own terms: the context every ServiceProof instance serves at that path.
    const file = new URL('../platform/src/main/resources/static/contexts/serviceproof-v1.jsonld', import.meta.url);
    return {contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(file, 'utf8'))};
  }
  const untp = url.match(/^https:\/\/test\.uncefact\.org\/vocabulary\/untp\/dcc\/([0-9.]+)\/$/);
  if(untp) {
    // The real UNTP context of the version the credential names (not on the npm registry: a local
    // copy of the published file, from the shared test vectors).
    const dir = process.env.UNTP_CONTEXT_DIR;
    if(!dir) {
      throw new Error('UNTP_CONTEXT_DIR is not set: the UNTP context is not available offline');
    }
    const file = `${dir}/untp-dcc-${untp[1]}-context.jsonld`;
    return {contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(file, 'utf8'))};
  }
  if(url.startsWith('https://w3id.org/security/multikey/v1') || url.startsWith('https://www.w3.org/ns/did/v1')) {
    return {contextUrl: null, documentUrl: url, document: {'@context': {'@vocab': url + '#'}}};
  }
  if(url.startsWith('did:')) {
    const [did, fragment] = url.split('#');
    if(did.startsWith('did:key:')) {
      // A did:key is its own document: one Multikey, for assertions.
      const multibase = did.slice('did:key:'.length);
      const method = {
        '@context': 'https://w3id.org/security/multikey/v1', type: 'Multikey',
        id: `${did}#${multibase}`, controller: did, publicKeyMultibase: multibase
      };
      const document = fragment ? method : {
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: did, verificationMethod: [method], assertionMethod: [method.id]
      };
      return {contextUrl: null, documentUrl: url, document};
    }
    if(!didDocument || didDocument.id !== did) {
      throw new Error(`no DID document given for ${did}`);
    }
    if(!fragment) {
      return {contextUrl: null, documentUrl: url, document: didDocument};
    }
    const method = didDocument.verificationMethod.find(m => m.id === url || m.id === '#' + fragment);
    if(!method) {
      throw new Error(`${url} is not in the DID document`);
    }
    return {contextUrl: null, documentUrl: url,
      document: {'@context': 'https://w3id.org/security/multikey/v1', ...method}};
  }
  throw new Error(`not available offline: ${url}`);
};

const suite = new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()});

function fail(what, detail) {
  console.log('INVALID', what, typeof detail === 'string' ? detail :
    JSON.stringify(detail, (k, v) => v instanceof Error ? {message: v.message, details: v.details} : v, 2));
  process.exit(1);
}

// Safe mode: a term the contexts do not define, or a type that would become a relative IRI, is an
// error rather than silently dropped.
async function expandSafely(document, name) {
  try {
    await jsonld.expand(document, {documentLoader, safe: true});
  } catch(e) {
    fail(`${name} does not expand in JSON-LD safe mode:`, e.details ? {message: e.message, details: e.details} : e.message);
  }
}

// W3C Bitstring Status List: the list credential must verify and be the one the entry names; the
// entry's bit (most significant bit of the first byte is index 0) must be clear.
async function checkStatus({credential: checked}) {
  const entries = [].concat(checked.credentialStatus || []);
  if(entries.length === 0) {
    return {verified: true};
  }
  for(const entry of entries) {
    const statusList = statusLists.find(list => list.id === entry.statusListCredential);
    if(!statusList) {
      return {verified: false, error: new Error(`no status list was given for ${entry.statusListCredential}`)};
    }
    const listResult = await vc.verifyCredential({credential: statusList, suite, documentLoader, checkStatus: async () => ({verified: true})});
    if(!listResult.verified) {
      return {verified: false, error: new Error('the status list credential does not verify')};
    }
    if(statusList.issuer !== checked.issuer && statusList.issuer !== (checked.issuer && checked.issuer.id)) {
      return {verified: false, error: new Error('the status list has another issuer')};
    }
    if(statusList.credentialSubject.statusPurpose !== entry.statusPurpose) {
      return {verified: false, error: new Error(`the status list is for ${statusList.credentialSubject.statusPurpose}, not ${entry.statusPurpose}`)};
    }
    const encoded = statusList.credentialSubject.encodedList;
    const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    const index = Number(entry.statusListIndex);
    if(!Number.isInteger(index) || index < 0 || index >= bits.length * 8) {
      return {verified: false, error: new Error(`status index ${entry.statusListIndex} is outside the list`)};
    }
    if((bits[index >> 3] >> (7 - (index & 7))) & 1) {
      return {verified: false, error: new Error(`${entry.statusPurpose}: set at index ${index}`)};
    }
  }
  return {verified: true};
}

await expandSafely(credential, 'the credential');
for(const statusList of statusLists) {
  await expandSafely(statusList, 'the status list');
}
const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
if(result.verified) {
  console.log('VALID');
  process.exit(0);
}
fail('', result);
