import path from 'node:path';
import { describeFixtureCases } from '../../src/testing/describe-fixture-cases';
import { dataworks } from './index';

// RPC-signed URLs carry a fresh SignatureNonce and Signature per attempt: recordings hold '***' for both.
describeFixtureCases([dataworks], path.join(__dirname, '../../fixtures/dataworks'));
