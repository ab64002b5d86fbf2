/**
 * Labs: the catalog read from {@code labs/}, checkpoints and the grader. Sits above
 * {@code session} and below {@code ui}.
 */
package com.ntprocesslab.lab;
