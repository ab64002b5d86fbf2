package com.ntprocesslab.store;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** A row whose key the database hands out (an identity column): every table of the app has one. */
@MappedSuperclass
public abstract class GeneratedIdEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The row's key; {@code null} until the row is saved. */
    public Long getId() {
        return id;
    }
}
