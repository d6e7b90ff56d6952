/**
 * The published API documents (OpenAPI, AsyncAPI) and the bundler that makes each one a single self-contained file
 * out of its source and the JSON Schemas it references.
 */
package com.humanchat.schemas.contract;
