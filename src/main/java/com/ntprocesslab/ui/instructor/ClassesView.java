package com.ntprocesslab.ui.instructor;

import com.ntprocesslab.ui.layout.BrowserTime;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.store.classroom.RosterEntry;
import com.ntprocesslab.store.access.AccessRefusedException;
import com.ntprocesslab.store.classroom.ClassroomNotFoundException;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/** An instructor's classes: create one (it gets a join code), see who joined, rename, archive or delete one. */
@Route(ClassesView.ROUTE)
@PageTitle("Classes | NT Process Lab")
@RolesAllowed("INSTRUCTOR")
public class ClassesView extends VerticalLayout {

    public static final String ROUTE = "instructor/classes";
    /** In the viewer's browser zone. */
    private final DateTimeFormatter when = BrowserTime.formatter("yyyy-MM-dd HH:mm");

    private final ClassroomService classrooms;
    private final String instructor;
    private final TextField name = new TextField();
    private final Grid<Classroom> classes = new Grid<>(Classroom.class, false);
    private final Grid<RosterEntry> roster = new Grid<>(RosterEntry.class, false);
    private final H3 rosterTitle = new H3();
    private final Paragraph teachers = new Paragraph();
    private final TextField coInstructor = new TextField();
    private final Button invite = new Button();
    private Classroom selected;
    private final Paragraph hint = new Paragraph();
    private final ClassReleaseForm release;

    public ClassesView(ClassroomService classrooms, AuthenticationContext authentication) {
        this.classrooms = classrooms;
        this.instructor = authentication.getPrincipalName().orElseThrow();
        this.release = new ClassReleaseForm(classrooms, instructor);
        setSizeFull();
        add(new H2(getTranslation("classes.title")), configureCreateForm(), hint);
        configureClasses();
        configureRoster();
        add(classes, rosterTitle, teachers, release, configureInvite(), roster);
        refresh();
    }

    private HorizontalLayout configureCreateForm() {
        name.setLabel(getTranslation("classes.name"));
        name.setId("class-name");
        name.setMaxLength(100);
        Button create = new Button(getTranslation("classes.create"), click -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private void configureClasses() {
        classes.setId("classes");
        classes.setAllRowsVisible(true);
        classes.addColumn(Classroom::getName).setHeader(getTranslation("classes.name")).setAutoWidth(true);
        classes.addColumn(Classroom::getJoinCode).setHeader(getTranslation("classes.code")).setAutoWidth(true);
        classes.addColumn(classrooms::size).setHeader(getTranslation("classes.students")).setAutoWidth(true);
        classes.addComponentColumn(classroom -> {
            RouterLink results = new RouterLink(getTranslation("classes.results"), ClassGridView.class, classroom.getId());
            results.getElement().setAttribute("aria-label", getTranslation("classes.results.label", classroom.getName()));
            return results;
        }).setHeader(getTranslation("classes.results")).setAutoWidth(true);
        classes.addColumn(classroom -> getTranslation(classroom.isArchived() ? "classes.state.archived" : "classes.state.active"))
                .setHeader(getTranslation("classes.state")).setAutoWidth(true);
        classes.addComponentColumn(this::manage).setHeader(getTranslation("classes.actions")).setAutoWidth(true);
        classes.asSingleSelect().addValueChangeListener(selected -> showRoster(selected.getValue()));
    }

    /** Rename, archive or restore, delete: each asks the service, which checks who may. */
    private HorizontalLayout manage(Classroom classroom) {
        Button rename = small("classes.rename", classroom, click -> rename(classroom));
        Button archive = classroom.isArchived()
                ? small("classes.restore", classroom, click -> act(() -> classrooms.restore(instructor, classroom.getId()), "classes.restored", classroom))
                : small("classes.archive", classroom, click -> act(() -> classrooms.archive(instructor, classroom.getId()), "classes.archived", classroom));
        Button delete = small("classes.delete", classroom, click -> confirmDelete(classroom));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(rename, archive, delete);
    }

    private Button small(String key, Classroom classroom, ComponentEventListener<ClickEvent<Button>> listener) {
        Button button = new Button(getTranslation(key), listener);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("aria-label", getTranslation(key + ".label", classroom.getName()));
        return button;
    }

    private void rename(Classroom classroom) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classes.rename.label", classroom.getName()));
        TextField newName = new TextField(getTranslation("classes.name"));
        newName.setId("rename-class");
        newName.setMaxLength(100);
        newName.setValue(classroom.getName());
        newName.setWidth("24em");
        Button save = new Button(getTranslation("classes.rename.save"), click -> {
            try {
                Classroom renamed = classrooms.rename(instructor, classroom.getId(), newName.getValue());
                dialog.close();
                Notification.show(getTranslation("classes.renamed", renamed.getName()));
                refresh();
            } catch (IllegalArgumentException invalid) {
                newName.setInvalid(true);
                newName.setErrorMessage(invalid.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(newName);
        dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDelete(Classroom classroom) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("classes.delete.label", classroom.getName()));
        confirm.setText(getTranslation("classes.delete.confirm", classroom.getName()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("dialog.cancel"));
        confirm.setConfirmText(getTranslation("classes.delete.yes"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(yes -> act(() -> {
            classrooms.delete(instructor, classroom.getId());
            return classroom;
        }, "classes.deleted", classroom));
        confirm.open();
    }

    private void act(Supplier<Classroom> action, String done, Classroom classroom) {
        try {
            action.get();
            Notification.show(getTranslation(done, classroom.getName()));
        } catch (AccessRefusedException | ClassroomNotFoundException refused) {
            Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
        showRoster(null);
    }

    private void configureRoster() {
        roster.setId("roster");
        roster.setAllRowsVisible(true);
        roster.addColumn(RosterEntry::username).setHeader(getTranslation("classes.roster.student")).setAutoWidth(true);
        roster.addColumn(entry -> when.format(entry.joinedAt())).setHeader(getTranslation("classes.roster.joined")).setAutoWidth(true);
        rosterTitle.setVisible(false);
        roster.setVisible(false);
    }

    private HorizontalLayout configureInvite() {
        coInstructor.setLabel(getTranslation("classes.invite.name"));
        coInstructor.setId("co-instructor");
        invite.setText(getTranslation("classes.invite"));
        invite.setId("invite");
        invite.addClickListener(click -> invite());
        teachers.setId("teachers");
        HorizontalLayout form = new HorizontalLayout(coInstructor, invite);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setVisible(false);
        return form;
    }

    private void invite() {
        try {
            classrooms.invite(instructor, selected.getId(), coInstructor.getValue());
            Notification.show(getTranslation("classes.invited", coInstructor.getValue().strip(), selected.getName()));
            coInstructor.clear();
            coInstructor.setInvalid(false);
            showRoster(selected);
        } catch (IllegalArgumentException invalid) {
            coInstructor.setInvalid(true);
            coInstructor.setErrorMessage(invalid.getMessage());
        }
    }

    private void create() {
        try {
            Classroom created = classrooms.create(instructor, name.getValue());
            Notification.show(getTranslation("classes.created", created.getName(), created.getJoinCode()));
            name.clear();
            refresh();
            classes.select(created);
        } catch (IllegalArgumentException invalid) {
            name.setInvalid(true);
            name.setErrorMessage(invalid.getMessage());
        }
    }

    private void refresh() {
        var mine = classrooms.classesOf(instructor);
        classes.setItems(mine);
        hint.setText(mine.isEmpty() ? getTranslation("classes.none") : "");
        hint.setVisible(mine.isEmpty());
    }

    private void showRoster(Classroom classroom) {
        selected = classroom;
        rosterTitle.setVisible(classroom != null);
        roster.setVisible(classroom != null);
        teachers.setVisible(classroom != null);
        invite.getParent().ifPresent(form -> form.setVisible(classroom != null));
        release.show(classroom);
        if (classroom == null) {
            return;
        }
        teachers.setText(getTranslation("classes.teachers", String.join(", ", classrooms.teachersOf(instructor, classroom.getId()))));
        var students = classrooms.roster(instructor, classroom.getId());
        rosterTitle.setText(getTranslation("classes.roster", classroom.getName()) + (students.isEmpty()
                ? " — " + getTranslation("classes.roster.empty", classroom.getJoinCode()) : ""));
        roster.setItems(students);
    }
}
