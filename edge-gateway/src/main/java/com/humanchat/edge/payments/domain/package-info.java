/**
 * Who may pay for what (a session's payment, a tip): pure functions of facts the payment service gathers from its
 * read models. No Vert.x, Kafka, SQL or Stripe here.
 */
package com.humanchat.edge.payments.domain;
