// An independent check of a ServiceProof credential: Digital Bazaar's VC library with their
// Data Integrity and eddsa-jcs-2022 implementations. Usage: node verify.mjs <credential> <did-document>
// Prints VALID and exits 0, or prints the errors and exits 1.
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {contexts as credentialContexts} from '@digitalbazaar/credentials-context';
import {readFileSync} from 'node:fs';

const [credentialFile, didFile] = process.argv.slice(2);
const credential = JSON.parse(readFileSync(credentialFile, 'utf8'));
const didDocument = didFile ? JSON.parse(readFileSync(didFile, 'utf8')) : null;

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
  if(url.startsWith('https://test.uncefact.org/vocabulary/untp/')) {
    // The UNTP context is not on the npm registry; eddsa-jcs-2022 signs the JCS form, so its
    // terms matter only to JSON-LD expansion, where a vocabulary stand-in keeps them defined.
    return {contextUrl: null, documentUrl: url, document: {'@context': {'@vocab': url}}};
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
const result = await vc.verifyCredential({
  credential, suite, documentLoader,
  // Revocation is checked by serviceproof-verify against the signed status list; here, the proof.
  checkStatus: async () => ({verified: true})
});
if(result.verified) {
  console.log('VALID');
  process.exit(0);
}
console.log('INVALID', JSON.stringify(result, (k, v) => v instanceof Error ? {message: v.message} : v, 2));
process.exit(1);
