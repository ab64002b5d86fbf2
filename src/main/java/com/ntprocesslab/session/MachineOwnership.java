package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import com.ntprocesslab.store.machine.MachineRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Whose machine is whose: a student's machines by purpose, created on first use, and the owner check. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MachineOwnership {

    private final MachineRepository machines;
    private final AccountRepository accounts;
    private final AccessPolicy access;
    private final Clock clock;
    private final MachineSeeds seeds;

    /** The machine, when it belongs to the user; any other id (or one that does not exist) is not found. */
    MachineRecord requireOwned(long machineId, String username) {
        return access.ownMachine(username, machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
    }

    /** A machine the caller may read (their own, or a student's they teach); any other id is not found. */
    MachineRecord requireReadable(long machineId, String username) {
        return access.readableMachine(username, machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
    }

    long sandbox(String username) {
        Account owner = owner(username);
        return machines.findFirstByOwnerIdAndPurposeAndActiveTrueOrderByIdDesc(owner.getId(), MachineRecord.SANDBOX)
                .orElseGet(() -> create(owner.getId(), MachineRecord.SANDBOX, Profile.MODERN))
                .getId();
    }

    OpenedMachine forPurpose(String username, String purpose, Profile profile) {
        if (purpose.equals(MachineRecord.SANDBOX)) {
            throw new IllegalArgumentException("'" + purpose + "' is the sandbox's purpose; use openSandbox.");
        }
        Account owner = owner(username);
        return machines.findFirstByOwnerIdAndPurposeAndActiveTrueOrderByIdDesc(owner.getId(), purpose)
                .map(existing -> new OpenedMachine(existing.getId(), false))
                .orElseGet(() -> new OpenedMachine(create(owner.getId(), purpose, profile).getId(), true));
    }

    /** The owner's active machine for the same purpose as this (possibly retired) one. */
    long activeSuccessor(MachineRecord record) {
        return machines.findFirstByOwnerIdAndPurposeAndActiveTrueOrderByIdDesc(record.getOwnerId(), record.getPurpose())
                .map(MachineRecord::getId).orElse(record.getId());
    }

    List<PurposeMachine> activeMachinesFor(String caller, String purpose) {
        Set<Long> readable = access.readableOwners(caller);
        return machines.findByPurposeAndActiveTrueOrderById(purpose).stream()
                .filter(record -> readable.contains(record.getOwnerId()))
                .map(record -> new PurposeMachine(record.getId(), record.getOwnerId(),
                        accounts.findById(record.getOwnerId()).map(Account::getUsername).orElse("?")))
                .toList();
    }

    /** A fresh machine: a lab machine boots with its student's seed for the lab, a sandbox with the default seed. */
    MachineRecord create(Long ownerId, String purpose, Profile profile) {
        Long seed = purpose.equals(MachineRecord.SANDBOX) ? null : seeds.forLab(ownerId, purpose);
        return machines.save(new MachineRecord(ownerId, profile.name(), purpose, Machine.KERNEL_VERSION, clock.instant(), seed));
    }

    /** A machine that will replay {@code source}'s log (a fork or a copy): it must boot as the source booted. */
    MachineRecord createCopyOf(MachineRecord source, Long ownerId, String purpose) {
        return machines.save(new MachineRecord(ownerId, source.getProfile(), purpose, Machine.KERNEL_VERSION, clock.instant(),
                source.getBootSeed()));
    }

    private Account owner(String username) {
        return access.caller(username);
    }

    /** The account ids whose machines the caller may read. */
    Set<Long> readableOwners(String caller) {
        return access.readableOwners(caller);
    }

    /** The owner of a machine, if it still exists (for filtering what a report shows). */
    Optional<Long> ownerOf(long machineId) {
        return machines.findById(machineId).map(MachineRecord::getOwnerId);
    }
}
