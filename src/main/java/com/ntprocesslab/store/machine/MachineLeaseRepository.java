package com.ntprocesslab.store.machine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The machine_lease rows: which node serves a machine, until when, and the fencing token of its
 * current take. Every statement is a single conditional row update, so the database's row lock
 * decides between nodes racing for one machine (no read-then-write).
 */
@Repository
public class MachineLeaseRepository {

    /** A lease as stored. */
    public record Lease(long machineId, String nodeId, Instant expiresAt, long fencingToken) {
    }

    private final JdbcTemplate jdbc;
    /** A take runs on its own: on PostgreSQL a refused insert spoils the transaction it ran in. */
    private final TransactionTemplate alone;

    public MachineLeaseRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.alone = new TransactionTemplate(transactions);
        alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Takes the machine for the node if nobody holds it, its holder's lease ran out, or the node
     * already holds it (a restart under the same name): the fencing token goes up by one either way.
     *
     * @return the new fencing token, or empty when another node holds a lease that has not expired
     *     (or the machine does not exist)
     */
    public Optional<Long> take(long machineId, String nodeId, Instant now, Instant expiresAt) {
        try {
            return alone.execute(status -> takeNow(machineId, nodeId, now, expiresAt));
        } catch (DataIntegrityViolationException heldByAnotherOrNoSuchMachine) {
            return Optional.empty();
        }
    }

    private Optional<Long> takeNow(long machineId, String nodeId, Instant now, Instant expiresAt) {
        int taken = jdbc.update("UPDATE machine_lease SET node_id = ?, expires_at = ?, fencing_token = fencing_token + 1"
                        + " WHERE machine_id = ? AND (node_id = ? OR expires_at < ?)",
                nodeId, utc(expiresAt), machineId, nodeId, utc(now));
        if (taken == 0) {
            // no row yet: a node racing us for the first take makes this insert fail on the primary key
            jdbc.update("INSERT INTO machine_lease (machine_id, node_id, expires_at, fencing_token) VALUES (?, ?, ?, 1)",
                    machineId, nodeId, utc(expiresAt));
        }
        return find(machineId).filter(lease -> lease.nodeId().equals(nodeId)).map(Lease::fencingToken);
    }

    /**
     * Extends the lease if the node still holds it under this token: called in the transaction of
     * every command append, so the append commits only while the lease is the node's.
     *
     * @return false when the node lost the lease (another node took it since)
     */
    public boolean confirm(long machineId, String nodeId, long fencingToken, Instant expiresAt) {
        return jdbc.update("UPDATE machine_lease SET expires_at = ? WHERE machine_id = ? AND node_id = ? AND fencing_token = ?",
                utc(expiresAt), machineId, nodeId, fencingToken) == 1;
    }

    /** Extends every lease the node holds; returns how many it holds. */
    public int renewAll(String nodeId, Instant expiresAt) {
        return jdbc.update("UPDATE machine_lease SET expires_at = ? WHERE node_id = ?", utc(expiresAt), nodeId);
    }

    /** The leases the node holds now. */
    public List<Lease> heldBy(String nodeId) {
        return jdbc.query("SELECT machine_id, node_id, expires_at, fencing_token FROM machine_lease WHERE node_id = ?",
                (row, i) -> lease(row), nodeId);
    }

    public Optional<Lease> find(long machineId) {
        return jdbc.query("SELECT machine_id, node_id, expires_at, fencing_token FROM machine_lease WHERE machine_id = ?",
                (row, i) -> lease(row), machineId).stream().findFirst();
    }

    /** Gives the machine up, if the node still holds it under this token. */
    public void release(long machineId, String nodeId, long fencingToken) {
        jdbc.update("DELETE FROM machine_lease WHERE machine_id = ? AND node_id = ? AND fencing_token = ?", machineId, nodeId, fencingToken);
    }

    /** Gives up every machine of the node (an orderly shutdown). */
    public int releaseAll(String nodeId) {
        return jdbc.update("DELETE FROM machine_lease WHERE node_id = ?", nodeId);
    }

    private static Lease lease(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Lease(row.getLong("machine_id"), row.getString("node_id"),
                row.getObject("expires_at", OffsetDateTime.class).toInstant(), row.getLong("fencing_token"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
