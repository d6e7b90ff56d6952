/**
 * The managed-request families: {@code request.create} / {@code request.decide} commands on {@code requests.commands},
 * and the request topology's decisions on {@code requests.events}, each carrying the request's snapshot after it.
 */
package com.humanchat.schemas.requests;
