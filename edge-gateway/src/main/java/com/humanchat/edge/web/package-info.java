/** The web client (module {@code web}, on the classpath under {@code webroot/}) served at {@code /}. */
package com.humanchat.edge.web;
