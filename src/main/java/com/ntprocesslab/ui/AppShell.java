package com.ntprocesslab.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/** Lumo plus our own plain stylesheet: nothing here needs a frontend build. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("ntlab.css")
public class AppShell implements AppShellConfigurator {
}
