package com.ntprocesslab.store.account;

public enum Role {
    STUDENT,
    INSTRUCTOR
}
