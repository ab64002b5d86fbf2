package com.ntprocesslab.session;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.FieldSerializer;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.kd.Checkpoints;
import com.ntprocesslab.kernel.win32.ApiSpec;
import com.ntprocesslab.kernel.win32.Apis;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Turns a live machine into compact bytes and back with Kryo, which copies the kernel's
 * plain object graph as it is (the kernel needs no serialization code of its own). Routines
 * are shared code, not machine state: they are written as their symbol and looked up again.
 * Snapshots only speed up replay: they are checksummed and tagged with the kernel version
 * that wrote them, and anything unreadable is rejected rather than trusted.
 */
final class SnapshotCodec {

    private static final Pool<Kryo> KRYOS = new Pool<>(true, false, 8) {
        @Override
        protected Kryo create() {
            return newKryo();
        }
    };

    /**
     * The kernel's object layout the bytes follow. Kryo reads fields by the reading class's
     * list, so bytes written by classes of another shape could be read as wrong values rather
     * than fail: bump this whenever kernel classes move or change fields (the kernel version
     * tags behaviour, this tags shape). Bytes without the current tag are rejected and replayed.
     */
    static final String LAYOUT = "kernel-layout-10 (KTHREAD SavedApcState and IdealProcessor; TEB CurrentLocale and NtTib.ArbitraryUserPointer; EPROCESS PrimaryTokenFrozen and SeAuditProcessCreationInfo; key body objects; the debug object's kill-on-close flag; the PFN database's lowest free frame; user APC queues, alertable waits and the APC delivery context; handle-table page size and NextHandleNeedingPool; the seclogon service, SCM records and RPC endpoint; csrss request threads as CSR static server threads; thread start routine and parameter, KTHREAD saturation, CreateThread requests; timed waits and idle time; delete procedures as steps: the object under deletion in NtArgs; DefaultIoPriority and DefaultPagePriority; thread IRQL, system start routines, PEB heap list; csrss port, client and server communication ports; boot seed, FIFO PspCidTable, notify routine tables, loaded drivers, announced processes, driver routines; the debugger's radix, entry view and entry step; a call's hard-error report; PEB ProcessParameters address; the new ProcessParameters kernel32 read for StuffStdHandle)";

    private SnapshotCodec() {
    }

    static byte[] encode(Machine machine) {
        return write((kryo, out) -> {
            out.writeString(LAYOUT);
            kryo.writeObject(out, machine);
        });
    }

    /** Reads a machine back; any damage surfaces as {@link CorruptSnapshotException}. */
    static Machine decode(byte[] data) {
        try {
            return read(data, (kryo, in) -> {
                String layout = in.readString();
                if (!LAYOUT.equals(layout)) {
                    throw new CorruptSnapshotException("written for another kernel layout", null);
                }
                return kryo.readObject(in, Machine.class);
            });
        } catch (KryoException | IllegalArgumentException | IllegalStateException | ClassCastException
                 | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new CorruptSnapshotException("unreadable: " + e, e);
        }
    }

    /** Any part of a machine's state (a checkpoint) as bytes: the same Kryo setup as a snapshot, without the checksum. */
    static byte[] freeze(Object state) {
        return write((kryo, out) -> kryo.writeClassAndObject(out, state));
    }

    static Object thaw(byte[] frozen) {
        return read(frozen, Kryo::readClassAndObject);
    }

    /** Snapshots and checkpoints alike: a pooled Kryo writing through a deflater. */
    private static byte[] write(BiConsumer<Kryo, Output> body) {
        Kryo kryo = KRYOS.obtain();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (Output out = new Output(new DeflaterOutputStream(bytes))) {
            body.accept(kryo, out);
        } finally {
            KRYOS.free(kryo);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] data, BiFunction<Kryo, Input, T> body) {
        Kryo kryo = KRYOS.obtain();
        try (Input in = new Input(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            return body.apply(kryo, in);
        } finally {
            KRYOS.free(kryo);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static Kryo newKryo() {
        Kryo kryo = new Kryo();
        // The data is the server's own, checksummed and version-tagged; the kernel's classes are many and change.
        kryo.setRegistrationRequired(false);
        // The machine is a graph: list links point both ways, objects are shared by handle tables.
        kryo.setReferences(true);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        FieldSerializer.FieldSerializerConfig fields = new FieldSerializer.FieldSerializerConfig();
        // The kernel's engine is transient for the kernel's own reasons; a snapshot needs it back.
        fields.setSerializeTransient(true);
        kryo.setDefaultSerializer(new SerializerFactory.FieldSerializerFactory(fields));
        ImmutableCollectionsSerializers.registerSerializers(kryo);
        kryo.addDefaultSerializer(Routine.class, new SharedCode<>("routine", Routine::key, Symbols::routineByKey));
        kryo.addDefaultSerializer(ApiSpec.class, new SharedCode<>("API", ApiSpec::name, Apis::find));
        kryo.addDefaultSerializer(Checkpoints.class, new NotStored());
        return kryo;
    }

    /**
     * Code shared by every machine (routines, API descriptions) is not machine state: it is
     * written as its name and resolved against the running kernel when read back.
     */
    private static final class SharedCode<T> extends Serializer<T> {
        private final String what;
        private final Function<T, String> name;
        private final Function<String, T> lookup;

        SharedCode(String what, Function<T, String> name, Function<String, T> lookup) {
            this.what = what;
            this.name = name;
            this.lookup = lookup;
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, T code) {
            output.writeString(name.apply(code));
        }

        @Override
        public T read(Kryo kryo, Input input, Class<? extends T> type) {
            String named = input.readString();
            T code = named == null ? null : lookup.apply(named);
            if (code == null) {
                throw new KryoException("the snapshot names a " + what + " this kernel does not have: " + named);
            }
            return code;
        }
    }

    /**
     * Time-travel checkpoints only speed travel up and would make a snapshot as large as the
     * history: a restored machine starts without them and takes them again.
     */
    private static final class NotStored extends Serializer<Checkpoints> {
        @Override
        public void write(Kryo kryo, Output output, Checkpoints checkpoints) {
            // nothing: see above
        }

        @Override
        public Checkpoints read(Kryo kryo, Input input, Class<? extends Checkpoints> type) {
            return new Checkpoints();
        }
    }

    static final class CorruptSnapshotException extends RuntimeException {
        CorruptSnapshotException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
