/** The SMTP server every service that sends e-mail reaches through Jakarta Mail. */
package com.humanchat.ops.mail;
