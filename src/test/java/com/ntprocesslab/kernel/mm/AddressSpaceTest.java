package com.ntprocesslab.kernel.mm;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.io.ImageDescriptor;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The VAD tree of one address space: nodes are whole pages keyed by their starting VPN and kept
 * in address order (the AVL tree !vad walks in order), and a range conflicts with a node unless
 * it starts after the node's EndingVpn or ends before its StartingVpn (ReactOS
 * ntoskrnl/mm/ARM3/vadnode.c, MiCheckForConflictingNode).
 */
class AddressSpaceTest {
    private final AddressSpace space = new AddressSpace();

    @Test
    void aVadCoversWholePagesFromItsStartingVpn() {
        Vad vad = Vad.of(0x7ffd0000L, 0x1001, "Private", "PEB", "READWRITE", true);

        assertThat(vad.startingVpn()).isEqualTo(0x7ffd0L);
        assertThat(vad.endingVpn()).as("0x1001 bytes round up to two pages").isEqualTo(0x7ffd1L);
        assertThat(vad.start()).isEqualTo(0x7ffd0000L);
        assertThat(vad.end()).isEqualTo(0x7ffd1fffL);
    }

    @Test
    void nodesAreWalkedInAddressOrderWhateverTheOrderOfInsertion() {
        space.insert(Vad.of(0x7ffd0000L, 0x1000, "Private", "PEB", "READWRITE", true));
        space.insert(Vad.of(0x400000L, 0x20000, "Image", "C:\\Windows\\System32\\notepad.exe", "EXECUTE_WRITECOPY", false));
        space.insert(Vad.of(0x100000L, 0x100000, "Private", "Stack", "READWRITE", true));

        assertThat(space.vadRoot.values()).extracting(Vad::mapped).containsExactly("Stack", "C:\\Windows\\System32\\notepad.exe", "PEB");
        assertThat(space.vadRoot.firstKey()).isEqualTo(0x100L);
    }

    @Test
    void aRangeOverlapsWhenOnePageOfItIsInsideANodeAndAdjacentRangesDoNot() {
        space.insert(Vad.of(0x400000L, 0x20000, "Image", "notepad.exe", "EXECUTE_WRITECOPY", false));

        assertThat(space.overlaps(0x400000L, 0x1000)).isTrue();
        assertThat(space.overlaps(0x41f000L, 0x1000)).as("the node's last page").isTrue();
        assertThat(space.overlaps(0x3ff000L, 0x2000)).as("a range running into the node").isTrue();
        assertThat(space.overlaps(0x300000L, 0x200000)).as("a range around the node").isTrue();
        assertThat(space.overlaps(0x3ff000L, 0x1000)).as("the page just below").isFalse();
        assertThat(space.overlaps(0x420000L, 0x1000)).as("the page just above").isFalse();
        assertThat(new AddressSpace().overlaps(0x400000L, 0x1000)).as("an empty tree").isFalse();
    }

    @Test
    void aNodeIsRemovedByItsStartAndFoundByKindAndMappedNameInAnyCase() {
        Vad image = Vad.of(0x400000L, 0x20000, "Image", "C:\\Windows\\System32\\notepad.exe", "EXECUTE_WRITECOPY", false);
        Vad heap = Vad.of(0x30000L, 0x10000, "Private", "Heap", "READWRITE", true);
        space.insert(image);
        space.insert(heap);

        assertThat(space.find("Image", "c:\\windows\\system32\\NOTEPAD.EXE")).isEqualTo(image);
        assertThat(space.find("Private", null)).as("any mapping of that kind, lowest first").isEqualTo(heap);
        assertThat(space.find("Image", "ntdll.dll")).isNull();
        assertThat(space.remove(0x401000L)).as("not a node's start").isNull();
        assertThat(space.remove(0x400000L)).isEqualTo(image);
        assertThat(space.overlaps(0x400000L, 0x1000)).isFalse();
        assertThat(space.vadRoot.values()).containsExactly(heap);
    }

    @Test
    void mapImageRefusesARangeAlreadyTakenAndChangesNothing() {
        EProcess process = new EProcess();
        process.addressSpace = space;
        ImageDescriptor dll = new ImageDescriptor(ImageDescriptor.IMAGE_FILE_MACHINE_AMD64, ImageDescriptor.IMAGE_SUBSYSTEM_WINDOWS_GUI,
                "6.0", 0x7ff800000000L, 0x30000, 0x1000, 0x100000, 0x1000, true, List.of(), List.of());
        assertThat(MemoryManager.mapImage(process, "C:\\Windows\\System32\\one.dll", dll)).isEqualTo(NtStatus.STATUS_SUCCESS);

        long status = MemoryManager.mapImage(process, "C:\\Windows\\System32\\other.dll", dll);

        assertThat(status).isEqualTo(NtStatus.STATUS_INVALID_IMAGE_FORMAT);
        assertThat(space.vadRoot.values()).extracting(Vad::mapped).containsExactly("C:\\Windows\\System32\\one.dll");
        assertThat(space.vadRoot.firstEntry().getValue().end()).isEqualTo(0x7ff80002ffffL);
    }

    @Test
    void aHeapIsReservedFirstFitOn64KbBoundariesFromTheBottom() {
        EProcess process = new EProcess();
        process.addressSpace = space;
        space.insert(Vad.of(0x30000L, 0x10000, "Private", "Heap", "READWRITE", true));
        space.insert(Vad.of(0x50000L, 0x1000, "Private", "PEB", "READWRITE", true));

        long first = MemoryManager.reserveHeap(process, 0x10000);
        long second = MemoryManager.reserveHeap(process, 0x20000);

        assertThat(first).as("the hole between the heap and the PEB").isEqualTo(0x40000L);
        assertThat(second).as("past the PEB's 64 KB granule").isEqualTo(0x60000L);
        assertThat(space.overlaps(first, 0x10000)).isTrue();
        assertThat(MemoryManager.reserveHeap(process, 0x80000000L)).as("no room").isZero();
    }
}
