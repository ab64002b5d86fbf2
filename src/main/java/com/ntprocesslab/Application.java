package com.ntprocesslab;

import com.ntprocesslab.lab.cli.LabCli;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Application {
    public static void main(String[] args) {
        // Headless tools run before Spring: they must not start the web server.
        if (args.length > 0 && args[0].equals("lab")) {
            System.exit(new LabCli(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(Application.class, args);
    }
}
