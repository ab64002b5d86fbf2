package com.ntprocesslab;

import com.ntprocesslab.lab.cli.LabCli;
import com.ntprocesslab.ui.cli.ScenarioCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Application {
    public static void main(String[] args) {
        // Command-line tools run headless before Spring: they must not start the web server.
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "scenario" -> System.exit(ScenarioCommand.run(rest, System.out, System.err));
            case "lab" -> System.exit(new LabCli(System.out, System.err).run(rest));
            default -> SpringApplication.run(Application.class, args);
        }
    }
}
