/** Gemini through the official SDK: the function-calling conversation and the retry policy around each call. */
package com.humanchat.sam.gemini;
