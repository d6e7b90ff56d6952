/**
 * The data contract every service shares: records of every topic family, their JSON Schemas (under
 * {@code schemas/<topic>/<type>.v<version>.json} on the classpath), the typed topic registry and the serde.
 */
package com.humanchat.schemas;
