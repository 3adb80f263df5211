import path from 'node:path';
import { describeRedactedFixtureCases } from '../../src/mgmt/testing/describe-redacted-fixture-cases';
import { dataworks } from './index';

// RPC-signed URLs carry a fresh SignatureNonce and Signature per attempt: recordings hold '***' for both.
describeRedactedFixtureCases([dataworks], path.join(__dirname, '../../fixtures/dataworks'));
