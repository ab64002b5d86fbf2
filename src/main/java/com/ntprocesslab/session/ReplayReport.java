package com.ntprocesslab.session;

import com.ntprocesslab.store.machine.ReplayDivergence;
import com.ntprocesslab.store.machine.ReplayDivergenceRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/** The replay report: logged commands that answered differently on replay, or that today's budget would refuse. */
@Component
class ReplayReport {

    private final ReplayDivergenceRepository divergences;

    ReplayReport(ReplayDivergenceRepository divergences) {
        this.divergences = divergences;
    }

    List<ReplayDivergence> all() {
        return divergences.findAllByOrderByMachineIdAscSeqAsc();
    }
}
